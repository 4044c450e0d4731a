using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;

namespace RegistryJanitor.Registries.Oci;

/// <summary>
/// The content reads of <see cref="IRegistryProvider"/> (manifests, blobs, referrers) over a registry's
/// <c>/v2</c> API through the generic OCI client: the base of providers that list through their own metadata
/// API (ACR, ECR) and read content as any OCI registry.
/// </summary>
public abstract class OciContentReads
{
    private protected OciContentReads(OciRegistryClient oci)
    {
        ArgumentNullException.ThrowIfNull(oci);
        Oci = oci;
    }

    /// <summary>The OCI client over this registry's authenticated transport.</summary>
    private protected OciRegistryClient Oci { get; }

    public Task<ManifestHead?> HeadManifestAsync(
        string repository, string reference, CancellationToken cancellationToken) =>
        Oci.HeadManifestAsync(repository, reference, cancellationToken);

    public Task<FetchedManifest?> GetManifestAsync(
        string repository, string reference, CancellationToken cancellationToken) =>
        Oci.GetManifestAsync(repository, reference, cancellationToken);

    public Task<ReadOnlyMemory<byte>> GetBlobBytesAsync(
        string repository, Digest digest, long maxBytes, CancellationToken cancellationToken) =>
        Oci.GetBlobBytesAsync(repository, digest, maxBytes, cancellationToken);

    public Task<Stream> OpenBlobAsync(string repository, Digest digest, CancellationToken cancellationToken) =>
        Oci.OpenBlobAsync(repository, digest, cancellationToken);

    public Task<IReadOnlyList<Descriptor>> ListReferrersAsync(
        string repository, Digest subject, CancellationToken cancellationToken) =>
        Oci.ListReferrersAsync(repository, subject, cancellationToken);
}
