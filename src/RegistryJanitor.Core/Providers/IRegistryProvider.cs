using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Core.Providers;

/// <summary>
/// What the scanner needs from a registry. The generic OCI provider implements the minimum; providers with
/// a metadata API (ACR, ECR) also list every manifest, untagged ones included, with their own facts.
/// </summary>
/// <remarks>
/// Every method treats the registry as untrusted: bodies are verified against their digest and capped in
/// size before they are returned. Failures surface as <c>RegistryClientException</c> (with the HTTP status
/// and registry error code) or <see cref="ManifestFormatException"/>.
/// </remarks>
public interface IRegistryProvider
{
    /// <summary>The configured registry name.</summary>
    string Name { get; }

    /// <summary>True when <see cref="ListManifestsAsync"/> returns provider facts for every manifest.</summary>
    bool CanListManifests { get; }

    /// <summary>Checks that the registry answers and the credentials work; throws when they do not.</summary>
    Task CheckAccessAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Repository names, from the catalog or the configured explicit list, before include/exclude.</summary>
    IAsyncEnumerable<string> ListRepositoriesAsync(CancellationToken cancellationToken);

    /// <summary>Tag names of one repository.</summary>
    IAsyncEnumerable<string> ListTagsAsync(string repository, CancellationToken cancellationToken);

    /// <summary>
    /// Every manifest of one repository with provider facts; empty when <see cref="CanListManifests"/> is false.
    /// </summary>
    IAsyncEnumerable<ProviderManifest> ListManifestsAsync(
        string repository, CancellationToken cancellationToken);

    /// <summary>Resolves a tag or digest to a digest without downloading the body; null when absent.</summary>
    Task<ManifestHead?> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves a tag whose digest was stored by an earlier scan, sending that digest as <c>If-None-Match</c> so
    /// a registry that uses digests as ETags (distribution does) answers 304 without reading the manifest; a
    /// 304 resolves to <paramref name="storedDigest"/>. Null when the tag is absent. Default: a plain HEAD.
    /// </summary>
    Task<ManifestHead?> HeadStoredTagAsync(
        string repository, string tag, string storedDigest, CancellationToken cancellationToken) =>
        HeadManifestAsync(repository, tag, cancellationToken);

    /// <summary>Downloads a manifest by tag or digest; null when it does not exist.</summary>
    /// <param name="repository">The repository name.</param>
    /// <param name="reference">A tag, or a digest string (then the body must hash to it).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<FetchedManifest?> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken);

    /// <summary>Downloads a small blob (a config) completely, verified against its digest and capped in size.</summary>
    Task<ReadOnlyMemory<byte>> GetBlobBytesAsync(
        string repository, Digest digest, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Opens a blob (a layer) as a stream. The caller verifies the digest while reading.</summary>
    Task<Stream> OpenBlobAsync(string repository, Digest digest, CancellationToken cancellationToken);

    /// <summary>
    /// The referrers of a manifest (signatures, SBOMs, attestations), from the referrers API or its
    /// <c>sha256-&lt;hex&gt;</c> tag fallback; empty when there are none.
    /// </summary>
    Task<IReadOnlyList<Descriptor>> ListReferrersAsync(
        string repository, Digest subject, CancellationToken cancellationToken);

    /// <summary>
    /// The referrers of a manifest from the OCI 1.1 referrers API alone, without the tag fallback; null when the
    /// registry has no referrers API, or when the provider finds referrers another way (a manifest listing).
    /// Referrers of the tag fallback sit behind a <c>sha256-&lt;hex&gt;</c> tag, which a tag listing shows anyway.
    /// Default: null.
    /// </summary>
    Task<IReadOnlyList<Descriptor>?> ListReferrersFromApiAsync(
        string repository, Digest subject, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Descriptor>?>(null);
}
