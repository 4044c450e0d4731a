using System.Text.Json;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class PushedContentTests : IDisposable
{
    private readonly TestImageBuilder builder = TestImageBuilder.ForTestRegistry();

    [Fact]
    public async Task PushAsync_ImageWithConfigAndLayers_ManifestAndBlobsReadBackByDigest()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/roundtrip");

        var image = await builder.Image(repository)
            .Layer(l => l.Directory("/app").File("/app/a.txt", "alpha"))
            .Layer(l => l.Whiteout("/app/a.txt").OpaqueDirectory("/opt").Symlink("/app/link", "/opt/x"))
            .Config(c => c.User("app").Env("PATH=/usr/bin").Label("team", "payments").ExposedPort("8080/tcp")
                .Healthcheck("curl -f http://localhost/", TimeSpan.FromSeconds(30), 3)
                .History("FROM scratch", emptyLayer: true).History("COPY a.txt /app").History("RUN rm a.txt"))
            .PushAsync("v1", cancellationToken);

        var byDigest = await builder.Client.GetManifestAsync(repository, image.Digest, cancellationToken);
        var byTag = await builder.Client.GetManifestAsync(repository, "v1", cancellationToken);
        Assert.Equal(image.Body.ToArray(), byDigest.Body);
        Assert.Equal(image.Digest, byDigest.DockerContentDigest);
        Assert.Equal(image.Digest, byTag.DockerContentDigest);
        Assert.Equal(MediaTypes.OciManifest, byDigest.ContentType);
        Assert.Equal(image.Size, byDigest.Body.Length);
        foreach (var blob in image.Blobs)
        {
            var content = await builder.Client.GetBlobAsync(repository, blob.Digest, cancellationToken);
            Assert.Equal(blob.Digest, ContentDigest.Of(content));
            Assert.Equal(blob.Size, content.Length);
        }
    }

    [Fact]
    public async Task PushAsync_DockerFormat_ConfigStatesPlatformUserAndHistory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/docker");

        var image = await builder.Image(repository)
            .MediaTypes(ImageFormat.Docker)
            .Platform(ImagePlatform.LinuxArm64)
            .Layer(l => l.File("/bin/tool", "tool"))
            .Config(c => c.User("1000").History("ENV A=1", emptyLayer: true).History("COPY tool /bin"))
            .PushAsync("v1", cancellationToken);

        var manifest = await builder.Client.GetManifestAsync(repository, "v1", cancellationToken);
        var config = await builder.Client.GetBlobAsync(repository, image.Config.Digest, cancellationToken);
        using var json = JsonDocument.Parse(config);
        var root = json.RootElement;
        Assert.Equal(MediaTypes.DockerManifest, manifest.ContentType);
        Assert.Equal(MediaTypes.DockerConfig, image.Config.MediaType);
        Assert.Equal(MediaTypes.DockerLayerGzip, image.Layers[0].MediaType);
        Assert.Equal("arm64", root.GetProperty("architecture").GetString());
        Assert.Equal("v8", root.GetProperty("variant").GetString());
        Assert.Equal("1000", root.GetProperty("config").GetProperty("User").GetString());
        var history = root.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.True(history[0].GetProperty("empty_layer").GetBoolean());
        Assert.False(history[1].TryGetProperty("empty_layer", out _));
    }

    [Fact]
    public async Task PushAsync_TwentyImagesInParallelSharingALayer_OneBlobDigestAndAllTagsPresent()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/parallel");
        var shared = TestLayer.Create(l => l.FileOfSize("/usr/lib/base.so", 100_000, seed: 9));

        var images = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => builder.Image(repository)
            .Layer(shared)
            .Layer(l => l.File("/app/version", i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .PushAsync($"v{i}", cancellationToken)));

        var tags = await builder.Client.ListTagsAsync(repository, cancellationToken);
        Assert.Single(images.Select(i => i.Layers[0].Digest).Distinct());
        Assert.Equal(20, images.Select(i => i.Digest).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"v{i}").Order(), tags.Order());
    }

    public void Dispose()
    {
        builder.Dispose();
    }
}
