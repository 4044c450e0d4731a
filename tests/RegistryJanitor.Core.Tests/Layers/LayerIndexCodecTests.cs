using RegistryJanitor.Core.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class LayerIndexCodecTests
{
    [Fact]
    public void Decode_EncodedIndex_GivesBackEntriesSizesAndCapturedFiles()
    {
        var layer = new LayerBuilder().Directory("usr/").File("usr/bin/tool", 9000).File("usr/bin/tool2", 10)
            .Whiteout("opt/old").Opaque("var/cache").Symlink("usr/bin/ü-link")
            .Text("root/.ssh/id_rsa", "-----BEGIN RSA PRIVATE KEY-----\nx\n")
            .Text("var/lib/dpkg/status", "Package: curl\nStatus: install ok installed\n");
        var index = LayerReading.ReadGzip(layer);

        var decoded = LayerIndexCodec.Decode(LayerIndexCodec.Encode(index));

        Assert.Equal(index.Entries, decoded.Entries);
        Assert.Equal(index.TarBytes, decoded.TarBytes);
        Assert.Equal(index.FileBytes, decoded.FileBytes);
        Assert.Equal(index.SkippedCaptures, decoded.SkippedCaptures);
        Assert.Equal(index.CapturedFiles["var/lib/dpkg/status"], decoded.CapturedFiles["var/lib/dpkg/status"]);
        Assert.Equal(index.CapturedFiles.Count, decoded.CapturedFiles.Count);
    }

    [Fact]
    public void Encode_ManySiblingPaths_IsFarSmallerThanThePaths()
    {
        var layer = new LayerBuilder();
        for (var i = 0; i < 2000; i++)
        {
            layer.File($"usr/lib/python3/dist-packages/package/module_{i}.py", 10);
        }

        var index = LayerReading.ReadGzip(layer);

        var encoded = LayerIndexCodec.Encode(index);

        Assert.True(encoded.Length * 10 < index.Entries.Sum(entry => entry.Path.Length));
    }

    [Fact]
    public void Decode_UnknownBytes_IsRefused()
    {
        Assert.Throws<InvalidDataException>(() => LayerIndexCodec.Decode([1, 2, 3, 4, 5, 6]));
    }
}
