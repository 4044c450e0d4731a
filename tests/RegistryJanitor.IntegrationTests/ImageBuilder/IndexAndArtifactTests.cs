using System.Text.Json;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class IndexAndArtifactTests : IDisposable
{
    private readonly TestImageBuilder builder = TestImageBuilder.ForTestRegistry();

    [Theory]
    [InlineData(AttestationStyle.ImageConfig)]
    [InlineData(AttestationStyle.AttestationConfig)]
    [InlineData(AttestationStyle.OciArtifact)]
    public async Task PushAsync_IndexWithAttestations_EntriesCarryPlatformsAndReferenceAnnotations(
        AttestationStyle style)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/index");
        var sharedBase = TestLayer.Create(l => l.File("/etc/os-release", "ID=debian"));

        var index = await builder.Index(repository)
            .Image(ImagePlatform.LinuxAmd64, i => i.Layer(sharedBase).Layer(l => l.File("/app", "amd64")))
            .Image(ImagePlatform.LinuxArm64, i => i.Layer(sharedBase).Layer(l => l.File("/app", "arm64")))
            .WithAttestations(style)
            .PushAsync("v1", cancellationToken);

        var raw = await builder.Client.GetManifestAsync(repository, "v1", cancellationToken);
        using var json = JsonDocument.Parse(raw.Body);
        var entries = json.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        Assert.Equal(index.Digest, raw.DockerContentDigest);
        Assert.Equal(4, entries.Count);
        Assert.Equal("arm64", entries[1].GetProperty("platform").GetProperty("architecture").GetString());
        Assert.Equal("unknown", entries[2].GetProperty("platform").GetProperty("os").GetString());
        Assert.Equal(
            index.Images[1].Digest,
            entries[3].GetProperty("annotations").GetProperty("vnd.docker.reference.digest").GetString());
        Assert.Equal(index.Images[0].Layers[0].Digest, index.Images[1].Layers[0].Digest);
        var expectedBlobs = index.AllImages.SelectMany(i => i.Blobs).DistinctBy(b => b.Digest).Sum(b => b.Size);
        Assert.Equal(expectedBlobs, index.ImageBytes);
        foreach (var child in index.AllImages)
        {
            var fetched = await builder.Client.GetManifestAsync(repository, child.Digest, cancellationToken);
            Assert.Equal(child.Digest, ContentDigest.Of(fetched.Body));
        }
    }

    [Fact]
    public async Task PushAsync_DockerManifestListWithNestedIndex_TypesAndPlatformsAsPushed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/dockerlist");
        var armV7 = new ImagePlatform("linux", "arm", "v7");

        var inner = await builder.Index(repository)
            .Image(armV7, i => i.Layer(l => l.File("/a", "armv7")))
            .PushByDigestAsync(cancellationToken);
        var list = await builder.Index(repository)
            .MediaTypes(ImageFormat.Docker)
            .Image(ImagePlatform.LinuxAmd64, i => i.Layer(l => l.File("/a", "amd64")))
            .Nested(inner)
            .PushAsync("v1", cancellationToken);

        var raw = await builder.Client.GetManifestAsync(repository, "v1", cancellationToken);
        using var json = JsonDocument.Parse(raw.Body);
        var entries = json.RootElement.GetProperty("manifests").EnumerateArray().ToList();
        Assert.Equal(MediaTypes.DockerManifestList, raw.ContentType);
        Assert.Equal(MediaTypes.DockerManifest, entries[0].GetProperty("mediaType").GetString());
        Assert.Equal(MediaTypes.OciIndex, entries[1].GetProperty("mediaType").GetString());
        Assert.Equal(inner.Digest, entries[1].GetProperty("digest").GetString());
        Assert.Equal(MediaTypes.DockerConfig, list.Images[0].Config.MediaType);
        Assert.Equal(armV7, list.AllImages.Last().Platform);
        Assert.Null(await builder.Client.ResolveAsync(repository, "latest", cancellationToken));
    }

    [Fact]
    public async Task CosignAndReferrers_SubjectImage_TagsAndFallbackIndexListThem()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/signed");
        var image = await builder.Image(repository).Layer(l => l.File("/a", "a")).PushAsync("v1", cancellationToken);

        var signature = await builder.Cosign.SignAsync(image, cancellationToken);
        var sbom = await builder.Cosign.AttachSbomAsync(image, cancellationToken);
        var attestation = await builder.Cosign.AttestAsync(image, cancellationToken);
        var bundle = await builder.Referrers.PushSigstoreBundleAsync(image, cancellationToken);
        var fallback = await builder.Referrers.WriteFallbackIndexAsync(image, cancellationToken);

        var tags = await builder.Client.ListTagsAsync(repository, cancellationToken);
        var hex = ContentDigest.Hex(image.Digest);
        Assert.Equal(
            new[] { "sha256-" + hex, $"sha256-{hex}.att", $"sha256-{hex}.sbom", $"sha256-{hex}.sig", "v1" },
            tags.Order(StringComparer.Ordinal));
        Assert.Equal(MediaTypes.CosignSimpleSigning, signature.Layers[0].MediaType);
        Assert.Equal(MediaTypes.SpdxJson, sbom.Layers[0].MediaType);
        Assert.Equal(MediaTypes.DsseEnvelope, attestation.Layers[0].MediaType);
        Assert.Equal(image.Digest, bundle.SubjectDigest);
        var raw = await builder.Client.GetManifestAsync(repository, "sha256-" + hex, cancellationToken);
        using var json = JsonDocument.Parse(raw.Body);
        var entry = Assert.Single(json.RootElement.GetProperty("manifests").EnumerateArray());
        Assert.Equal(bundle.Digest, entry.GetProperty("digest").GetString());
        Assert.Equal(MediaTypes.SigstoreBundle, entry.GetProperty("artifactType").GetString());
        Assert.Equal(fallback.Digest, raw.DockerContentDigest);
    }

    [Fact]
    public async Task BuildCacheAndHelm_BothCacheFormsAndAChart_AreStoredAsPushed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/cache");
        var layers = new[]
        {
            TestLayer.Create(l => l.File("/deps/lib.so", "lib")),
            TestLayer.Create(l => l.File("/app/main", "main")),
        };

        var imageForm = await builder.BuildCache.PushImageManifestFormAsync(repository, "cache", layers,
            cancellationToken);
        var indexForm = await builder.BuildCache.PushIndexFormAsync(repository, "cache-index", layers,
            cancellationToken);
        var chart = await builder.Helm.PushAsync(repository + "-chart", "web", "1.2.3+build.4", cancellationToken);

        var cache = await builder.Client.GetManifestAsync(repository, "cache", cancellationToken);
        var cacheIndex = await builder.Client.GetManifestAsync(repository, "cache-index", cancellationToken);
        var chartManifest = await builder.Client.GetManifestAsync(chart.Repository, "1.2.3_build.4",
            cancellationToken);
        Assert.Equal(imageForm.Digest, cache.DockerContentDigest);
        Assert.Equal(MediaTypes.BuildKitCacheConfig, imageForm.Config.MediaType);
        Assert.Equal(indexForm.Digest, cacheIndex.DockerContentDigest);
        Assert.Equal(MediaTypes.BuildKitCacheConfig, indexForm.Manifests[^1].MediaType);
        Assert.Equal(chart.Digest, chartManifest.DockerContentDigest);
        Assert.Equal(MediaTypes.HelmConfig, chart.Config.MediaType);
    }

    public void Dispose()
    {
        builder.Dispose();
    }
}
