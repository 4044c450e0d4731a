using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// The content a provider scan and a generic scan of the same registry are compared on: two teams' repositories
/// sharing a base layer with apt lists left in it, one image built long ago (stale by age), one tagged twice and
/// hiding a deleted file in a lower layer, a Node service copying its whole context before installing, and a
/// two-platform index with attestations and a signature pushed by digest, which providers list untagged. Between
/// two scans, <see cref="MoveTagAsync"/> pushes a new build under shop/web:v3, leaving the one scanned first
/// untagged.
/// </summary>
/// <remarks>
/// The signature's client also writes the referrers tag fallback, as it must for a registry without the referrers
/// API (the distribution registry behind every scan here), so that a generic scan can find it too.
/// </remarks>
public sealed class ComparisonImages
{
    public const string RegistryName = "same-content";

    /// <summary>How long after its config was created each image was pushed, as the provider listing says.</summary>
    public static readonly TimeSpan ProviderPushDelay = TimeSpan.FromDays(1);

    private const string MovedTag = "v3";

    private static readonly string[] WebNewTags = ["v2", "stable"];

    private readonly Dictionary<string, DateTimeOffset> created;

    private ComparisonImages(
        PushedImage webOld,
        PushedImage webNew,
        PushedImage api,
        PushedImage webRetired,
        PushedIndex multi,
        PushedImage signature,
        PushedIndex signatureFallback,
        Dictionary<string, DateTimeOffset> created,
        DateTimeOffset multiPushedAt)
    {
        WebOld = webOld;
        WebNew = webNew;
        Api = api;
        WebRetired = webRetired;
        Multi = multi;
        Signature = signature;
        SignatureFallback = signatureFallback;
        this.created = created;
        MultiPushedAt = multiPushedAt;
    }

    /// <summary>shop/web:v1, created 400 days ago.</summary>
    public PushedImage WebOld { get; }

    /// <summary>shop/web:v2 and shop/web:stable, with a file a later layer deletes.</summary>
    public PushedImage WebNew { get; }

    /// <summary>shop/api:w1, a Node service.</summary>
    public PushedImage Api { get; }

    /// <summary>shop/web:v3 until <see cref="MoveTagAsync"/> moves the tag to <see cref="WebLatest"/>.</summary>
    public PushedImage WebRetired { get; }

    /// <summary>shop/web:v3 once <see cref="MoveTagAsync"/> has pushed it, else null.</summary>
    public PushedImage? WebLatest { get; private set; }

    /// <summary>shop/multi:release, two platforms with an attestation each.</summary>
    public PushedIndex Multi { get; }

    /// <summary>A Sigstore bundle referring to <see cref="Multi"/>, pushed by digest.</summary>
    public PushedImage Signature { get; }

    /// <summary>The referrers tag fallback index of <see cref="Multi"/>, listing <see cref="Signature"/>.</summary>
    public PushedIndex SignatureFallback { get; }

    /// <summary>The tagged single-platform images, each built at a known config created time.</summary>
    public IReadOnlyList<PushedImage> Images => [WebOld, WebNew, Api, WebLatest ?? WebRetired];

    /// <summary>The config created time <paramref name="image"/> was built with.</summary>
    public DateTimeOffset CreatedAt(PushedImage image) => created[image.Digest];

    /// <summary>The push time the provider listing reports for <paramref name="image"/>.</summary>
    public DateTimeOffset ProviderPushedAt(PushedImage image) => created[image.Digest] + ProviderPushDelay;

    /// <summary>The push time the provider listing reports for the index, its children and its signature.</summary>
    public DateTimeOffset MultiPushedAt { get; }

    /// <summary>The tags <paramref name="image"/> was pushed under.</summary>
    public string[] TagsOf(PushedImage image) =>
        image == WebNew ? WebNewTags : image == WebRetired && WebLatest is not null ? [] : [image.Tag!];

    /// <summary>Every pushed manifest as a provider lists it: untagged children and referrers included.</summary>
    public IEnumerable<ProviderListedManifest> Listing()
    {
        foreach (var image in WebLatest is null ? Images : Images.Append(WebRetired))
        {
            yield return Listed(image, TagsOf(image), ProviderPushedAt(image));
        }

        yield return Listed(Multi, MultiPushedAt);
        yield return Listed(SignatureFallback, MultiPushedAt);
        foreach (var child in Multi.AllImages.Append(Signature))
        {
            yield return Listed(child, [], MultiPushedAt);
        }
    }

    public static async Task<ComparisonImages> PushAsync(TestImageBuilder builder, CancellationToken cancellationToken)
    {
        var now = TimeProvider.System.GetUtcNow();
        var created = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var baseLayer = TestLayer.Create(l => l
            .FileOfSize("/usr/lib/libbase.so", 300_000, seed: 1)
            .FileOfSize("/var/lib/apt/lists/deb.debian.org_dists_bookworm_main", 40_000, seed: 2));

        var webOld = await builder.Image("shop/web")
            .Layer(baseLayer)
            .Layer(l => l.FileOfSize("/srv/web/app.bin", 60_000, seed: 3))
            .Config(c => Describe(c, "payments", now.AddDays(-400), "COPY app.bin /srv/web/ # buildkit"))
            .PushAsync("v1", cancellationToken);
        created[webOld.Digest] = now.AddDays(-400);

        var webNew = await builder.Image("shop/web")
            .Layer(baseLayer)
            .Layer(l => l.FileOfSize("/srv/web/app.bin", 70_000, seed: 4).FileOfSize("/tmp/build.log", 25_000, 5))
            .Layer(l => l.Whiteout("/tmp/build.log"))
            .Config(c => Describe(c, "payments", now.AddDays(-3), "COPY app.bin /srv/web/ # buildkit",
                "RUN /bin/sh -c rm /tmp/build.log # buildkit"))
            .PushAsync(WebNewTags, cancellationToken);
        created[webNew.Digest] = now.AddDays(-3);

        var api = await builder.Image("shop/api")
            .Layer(baseLayer)
            .Layer(l => l.File("/app/package.json", "{}").File("/app/server.js", "console.log(1)"))
            .Layer(l => l.FileOfSize("/app/node_modules/x/index.js", 20_000, seed: 6))
            .Config(c => Describe(c, "search", now.AddDays(-2), "COPY . . # buildkit",
                "RUN /bin/sh -c npm ci # buildkit").Env("NODE_VERSION=22.1.0"))
            .PushAsync("w1", cancellationToken);
        created[api.Digest] = now.AddDays(-2);

        var webRetired = await PushWebAsync(builder, "retired build", now.AddDays(-10), created, cancellationToken);

        var multi = await builder.Index("shop/multi")
            .Image(ImagePlatform.LinuxAmd64, i => i.Layer(baseLayer).Layer(l => l.File("/app/bin", "amd64 build")))
            .Image(ImagePlatform.LinuxArm64, i => i.Layer(l => l.File("/app/bin", "arm64 build")))
            .WithAttestations()
            .PushAsync("release", cancellationToken);
        var signature = await builder.Referrers.PushSigstoreBundleAsync(multi, cancellationToken);
        var fallback = await builder.Referrers.WriteFallbackIndexAsync(multi, cancellationToken);

        return new ComparisonImages(
            webOld, webNew, api, webRetired, multi, signature, fallback, created, now.AddDays(-5));
    }

    /// <summary>Pushes a new build under shop/web:v3: the build pushed there first is left untagged.</summary>
    public async Task MoveTagAsync(TestImageBuilder builder, CancellationToken cancellationToken)
    {
        var createdAt = TimeProvider.System.GetUtcNow().AddDays(-1);
        WebLatest = await PushWebAsync(builder, "latest build", createdAt, created, cancellationToken);
    }

    private static async Task<PushedImage> PushWebAsync(TestImageBuilder builder, string build,
        DateTimeOffset createdAt, Dictionary<string, DateTimeOffset> created, CancellationToken cancellationToken)
    {
        var image = await builder.Image("shop/web")
            .Layer(l => l.File("/srv/web/build.txt", build))
            .Config(c => Describe(c, "payments", createdAt).User("1000"))
            .PushAsync(MovedTag, cancellationToken);
        created[image.Digest] = createdAt;
        return image;
    }

    private static ProviderListedManifest Listed(PushedImage image, string[] tags, DateTimeOffset pushedAt) =>
        new(image.Repository, image.Digest, image.MediaType, image.Config.MediaType, image.ArtifactType,
            image.ImageBytes, tags, pushedAt, [], image.SubjectDigest, image.Body);

    private static ProviderListedManifest Listed(PushedIndex index, DateTimeOffset pushedAt) =>
        new(index.Repository, index.Digest, index.MediaType, null, null, index.ImageBytes, [index.Tag!], pushedAt,
            [.. index.Manifests.Select(m => m.Digest)], null, index.Body);

    private static ConfigBuilder Describe(ConfigBuilder config, string team, DateTimeOffset createdAt,
        params string[] history)
    {
        config.Label("team", team).Created(createdAt).History("ADD file:debian in / # buildkit");
        foreach (var step in history)
        {
            config.History(step);
        }

        return config;
    }
}
