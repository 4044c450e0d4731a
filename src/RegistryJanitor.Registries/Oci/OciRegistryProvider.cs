using System.Runtime.CompilerServices;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;

namespace RegistryJanitor.Registries.Oci;

/// <summary>The generic provider: any OCI distribution / Docker v2 registry, through <c>/v2/</c> alone.</summary>
internal sealed class OciRegistryProvider : IRegistryProvider
{
    private readonly OciRegistryClient client;
    private readonly IReadOnlyList<string> explicitRepositories;

    public OciRegistryProvider(string name, OciRegistryClient client, IReadOnlyList<string> explicitRepositories)
    {
        Name = name;
        this.client = client;
        this.explicitRepositories = explicitRepositories;
    }

    public string Name { get; }

    public bool CanListManifests => false;

    public Task CheckAccessAsync(CancellationToken cancellationToken) => client.PingAsync(cancellationToken);

    public IAsyncEnumerable<string> ListRepositoriesAsync(CancellationToken cancellationToken) =>
        explicitRepositories.Count > 0
            ? ToAsync(explicitRepositories, cancellationToken)
            : client.ListRepositoriesAsync(cancellationToken);

    public IAsyncEnumerable<string> ListTagsAsync(string repository, CancellationToken cancellationToken) =>
        client.ListTagsAsync(repository, cancellationToken);

    public IAsyncEnumerable<ProviderManifest> ListManifestsAsync(
        string repository, CancellationToken cancellationToken) =>
        ToAsync(Array.Empty<ProviderManifest>(), cancellationToken);

    public Task<ManifestHead?> HeadManifestAsync(
        string repository, string reference, CancellationToken cancellationToken) =>
        client.HeadManifestAsync(repository, reference, cancellationToken);

    public Task<ManifestHead?> HeadStoredTagAsync(
        string repository, string tag, string storedDigest, CancellationToken cancellationToken) =>
        client.HeadManifestAsync(repository, tag, storedDigest, cancellationToken);

    public Task<FetchedManifest?> GetManifestAsync(
        string repository, string reference, CancellationToken cancellationToken) =>
        client.GetManifestAsync(repository, reference, cancellationToken);

    public Task<ReadOnlyMemory<byte>> GetBlobBytesAsync(
        string repository, Digest digest, long maxBytes, CancellationToken cancellationToken) =>
        client.GetBlobBytesAsync(repository, digest, maxBytes, cancellationToken);

    public Task<Stream> OpenBlobAsync(string repository, Digest digest, CancellationToken cancellationToken) =>
        client.OpenBlobAsync(repository, digest, cancellationToken);

    public Task<IReadOnlyList<Descriptor>> ListReferrersAsync(
        string repository, Digest subject, CancellationToken cancellationToken) =>
        client.ListReferrersAsync(repository, subject, cancellationToken);

    public Task<IReadOnlyList<Descriptor>?> ListReferrersFromApiAsync(
        string repository, Digest subject, CancellationToken cancellationToken) =>
        client.ListReferrersFromApiOnlyAsync(repository, subject, cancellationToken);

    private static async IAsyncEnumerable<T> ToAsync<T>(
        IEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask;
    }
}
