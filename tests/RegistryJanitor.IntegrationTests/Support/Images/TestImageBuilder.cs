using RegistryJanitor.IntegrationTests.Support.Registry;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Builds real images and artifacts and pushes them through the registry HTTP API.
/// <code>
/// using var builder = TestImageBuilder.ForTestRegistry();
/// var repository = builder.UniqueRepository("team/app");
/// var image = await builder.Image(repository)
///     .Layer(l => l.File("/app/a.txt", "hello").Whiteout("/etc/old"))
///     .Compression(LayerCompression.Zstd)
///     .Config(c => c.User("app").Label("team", "payments").History("COPY . /app"))
///     .PushAsync("v1", cancellationToken);
/// </code>
/// Every push returns a record of what was pushed (digests, sizes, media types) for computing expected
/// figures in the test.
/// </summary>
public sealed class TestImageBuilder : IDisposable
{
    private readonly bool ownsClient;

    /// <summary>A builder over an existing client (which the caller disposes).</summary>
    public TestImageBuilder(RegistryApiClient client)
        : this(client, ownsClient: false)
    {
    }

    private TestImageBuilder(RegistryApiClient client, bool ownsClient)
    {
        ArgumentNullException.ThrowIfNull(client);
        Client = client;
        this.ownsClient = ownsClient;
        Blobs = new BlobUploader(client);
        Cosign = new CosignArtifacts(this);
        Referrers = new ReferrerArtifacts(this);
        BuildCache = new BuildCacheArtifacts(this);
        Helm = new HelmCharts(this);
        Tags = new TagOperations(client);
    }

    /// <summary>The registry client underneath.</summary>
    public RegistryApiClient Client { get; }

    /// <summary>Blob uploads with HEAD-before-upload and cross-repository mount.</summary>
    public BlobUploader Blobs { get; }

    /// <summary>Cosign tag-scheme signatures, SBOMs and attestations (<c>sha256-&lt;hex&gt;.sig</c> ...).</summary>
    public CosignArtifacts Cosign { get; }

    /// <summary>OCI 1.1 referrers (subject + artifactType) and the <c>sha256-&lt;hex&gt;</c> fallback index.</summary>
    public ReferrerArtifacts Referrers { get; }

    /// <summary>BuildKit registry caches, image-manifest and index forms.</summary>
    public BuildCacheArtifacts BuildCache { get; }

    /// <summary>Helm charts pushed as OCI artifacts.</summary>
    public HelmCharts Helm { get; }

    /// <summary>Deleting, untagging and retagging (distribution 2.8 semantics).</summary>
    public TagOperations Tags { get; }

    /// <summary>A builder for the shared test registry (REGISTRYJANITOR_TEST_REGISTRY).</summary>
    public static TestImageBuilder ForTestRegistry()
    {
        return For(TestRegistryEnvironment.RequireRegistry());
    }

    /// <summary>A builder for any registry, answering Basic and Bearer challenges with the credentials.</summary>
    public static TestImageBuilder For(Uri registry, RegistryCredentials? credentials = null)
    {
        return new TestImageBuilder(RegistryApiClient.Create(registry, credentials), ownsClient: true);
    }

    /// <summary>A repository name no other test uses: <c>prefix-&lt;12 hex&gt;</c>.</summary>
    public static string UniqueRepository(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix + "-" + Guid.NewGuid().ToString("N")[..12];
    }

    /// <summary>Starts describing an image manifest for a repository.</summary>
    public ImageBuilder Image(string repository)
    {
        return new ImageBuilder(this, repository);
    }

    /// <summary>Starts describing an image index (manifest list) for a repository.</summary>
    public IndexBuilder Index(string repository)
    {
        return new IndexBuilder(this, repository);
    }

    /// <summary>PUTs a manifest by digest (no tags) or by each tag; returns its digest.</summary>
    public async Task<string> PutManifestAsync(
        string repository,
        IReadOnlyList<string> tags,
        string mediaType,
        byte[] body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(body);
        if (tags.Count == 0)
        {
            return await Client.PutManifestAsync(
                repository, ContentDigest.Of(body), mediaType, body, cancellationToken);
        }

        var digest = string.Empty;
        foreach (var tag in tags)
        {
            digest = await Client.PutManifestAsync(repository, tag, mediaType, body, cancellationToken);
        }

        return digest;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (ownsClient)
        {
            Client.Dispose();
        }
    }
}
