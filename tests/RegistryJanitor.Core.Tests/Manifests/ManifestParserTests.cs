using System.Text;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using Xunit;
using static RegistryJanitor.Core.Tests.Manifests.ManifestJsonSamples;

namespace RegistryJanitor.Core.Tests.Manifests;

public sealed class ManifestParserTests
{
    [Fact]
    public void Parse_ContentTypeWithParameters_IsAccepted()
    {
        var body = Encoding.UTF8.GetBytes(Image(MediaTypes.OciConfig));

        var manifest = ManifestParser.Parse(body, "application/vnd.oci.image.manifest.v1+json; charset=utf-8");

        Assert.Equal(MediaTypes.OciManifest, manifest.MediaType);
        Assert.Equal(D1, manifest.Config!.Digest.ToString());
        Assert.Equal(42, Assert.Single(manifest.Layers).Size);
    }

    [Fact]
    public void Parse_BodyTypeDisagreesWithContentType_IsRejected()
    {
        var body = Encoding.UTF8.GetBytes(Image(MediaTypes.OciConfig));

        Assert.Throws<ManifestFormatException>(() => ManifestParser.Parse(body, MediaTypes.DockerManifest));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\"}")]
    [InlineData("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"digest\":\"md5:x\",\"size\":1}}")]
    [InlineData("{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"digest\":\"" + D1 + "\",\"size\":-1}}")]
    [InlineData("{\"schemaVersion\":1,\"name\":\"x\",\"fsLayers\":[]}")]
    public void Parse_MalformedOrUnsupported_ThrowsFormatException(string json)
    {
        Assert.Throws<ManifestFormatException>(() => ManifestParser.Parse(Encoding.UTF8.GetBytes(json), null));
    }

    [Fact]
    public void Parse_IndexEntries_KeepPlatformAndAnnotations()
    {
        var body = Encoding.UTF8.GetBytes(Index(
            Entry(MediaTypes.OciManifest, D3, "{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}",
                "{\"a\":\"b\"}")));

        var index = ManifestParser.Parse(body, MediaTypes.OciIndex);

        var entry = Assert.Single(index.Manifests);
        Assert.Equal("linux/arm64/v8", entry.Platform!.ToString());
        Assert.Equal("b", entry.Annotation("a"));
        Assert.True(index.IsIndex);
    }
}
