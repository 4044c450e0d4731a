using RegistryJanitor.Core.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class LayerPathTests
{
    [Theory]
    [InlineData("usr/bin/env", "usr/bin/env")]
    [InlineData("./usr/bin/env", "usr/bin/env")]
    [InlineData("/usr//bin/./env", "usr/bin/env")]
    [InlineData("usr/bin/", "usr/bin")]
    public void TryNormalize_Variants_GiveOneCanonicalPath(string raw, string expected)
    {
        var status = LayerPath.TryNormalize(raw, 4096, out var path);

        Assert.Equal(LayerPathStatus.Valid, status);
        Assert.Equal(expected, path);
    }

    [Theory]
    [InlineData("./", LayerPathStatus.Root)]
    [InlineData("/", LayerPathStatus.Root)]
    [InlineData("a/../b", LayerPathStatus.Traversal)]
    [InlineData("..", LayerPathStatus.Traversal)]
    [InlineData("a\0b", LayerPathStatus.Invalid)]
    public void TryNormalize_SpecialNames_AreClassified(string raw, LayerPathStatus expected)
    {
        Assert.Equal(expected, LayerPath.TryNormalize(raw, 4096, out _));
    }

    [Theory]
    [InlineData("etc/.wh.passwd", "etc/passwd", LayerEntryType.Whiteout)]
    [InlineData(".wh.top", "top", LayerEntryType.Whiteout)]
    [InlineData("var/cache/.wh..wh..opq", "var/cache", LayerEntryType.OpaqueWhiteout)]
    [InlineData(".wh..wh..opq", "", LayerEntryType.OpaqueWhiteout)]
    public void TryCreateEntry_WhiteoutMarkers_TargetTheNamedPath(string raw, string target, LayerEntryType type)
    {
        var status = LayerPath.TryCreateEntry(raw, LayerEntryType.File, 0, 0, 4096, out var entry);

        Assert.Equal(LayerPathStatus.Valid, status);
        Assert.Equal(target, entry.Path);
        Assert.Equal(type, entry.Type);
    }

    [Fact]
    public void TryCreateEntry_AufsMetadata_IsIgnored()
    {
        Assert.Equal(LayerPathStatus.Ignored,
            LayerPath.TryCreateEntry(".wh..wh.plnk/123", LayerEntryType.File, 5, 0, 4096, out _));
    }
}
