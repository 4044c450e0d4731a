using RegistryJanitor.Core.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class ImageOverlayTests
{
    [Fact]
    public void Analyze_FileDeletedByWhiteout_CountsLowerCopyAsHidden()
    {
        var lower = new LayerBuilder().Directory("app/").File("app/big.bin", 5000).File("app/keep.txt", 300);
        var upper = new LayerBuilder().Whiteout("app/big.bin");

        var analysis = LayerReading.Analyze(lower, upper);

        Assert.Equal(lower.Files["app/big.bin"], analysis.HiddenBytes);
        Assert.Equal(1, analysis.HiddenFileCount);
        Assert.Equal(1, analysis.VisibleFileCount);
        Assert.Equal(lower.Files["app/keep.txt"], analysis.VisibleBytes);
        Assert.Equal("app/big.bin", Assert.Single(analysis.LargestHidden).Path);
    }

    [Fact]
    public void Analyze_PathOverwrittenTwice_CountsBothLowerCopiesNotTheVisibleOne()
    {
        var first = new LayerBuilder().File("etc/app.conf", 1000);
        var second = new LayerBuilder().File("etc/app.conf", 1500);
        var third = new LayerBuilder().File("etc/app.conf", 700);

        var analysis = LayerReading.Analyze(first, second, third);

        Assert.Equal(first.Files["etc/app.conf"] + second.Files["etc/app.conf"], analysis.HiddenBytes);
        Assert.Equal(2, analysis.HiddenFileCount);
        Assert.Equal(third.Files["etc/app.conf"], analysis.VisibleBytes);
    }

    [Fact]
    public void Analyze_OpaqueDirectory_HidesLowerContentButNotItsOwnLayer()
    {
        var lower = new LayerBuilder().File("data/a", 100).File("data/sub/b", 200).File("other/c", 50);
        // The marker comes after the layer's own file in the tar: it still applies before that file.
        var upper = new LayerBuilder().Directory("data/").File("data/new", 400).Opaque("data");

        var analysis = LayerReading.Analyze(lower, upper);

        Assert.Equal(lower.Files["data/a"] + lower.Files["data/sub/b"], analysis.HiddenBytes);
        Assert.Equal(2, analysis.HiddenFileCount);
        Assert.Equal(upper.Files["data/new"] + lower.Files["other/c"], analysis.VisibleBytes);
    }

    [Fact]
    public void Analyze_WhiteoutOfFileInSameLayer_LeavesThatFileVisible()
    {
        var lower = new LayerBuilder().File("x", 10);
        var upper = new LayerBuilder().File("y", 20).Whiteout("y");

        var analysis = LayerReading.Analyze(lower, upper);

        Assert.Equal(0, analysis.HiddenBytes);
        Assert.Equal(lower.Files["x"] + upper.Files["y"], analysis.VisibleBytes);
    }

    [Fact]
    public void Analyze_DirectoryWhiteout_HidesEverythingBelow()
    {
        var lower = new LayerBuilder().Directory("dir/").File("dir/a", 123).File("dir/b/c", 456).File("keep", 7);
        var upper = new LayerBuilder().Whiteout("dir");

        var analysis = LayerReading.Analyze(lower, upper);

        Assert.Equal(lower.Files["dir/a"] + lower.Files["dir/b/c"], analysis.HiddenBytes);
        Assert.Equal(2, analysis.HiddenFileCount);
        Assert.Equal(1, analysis.VisibleFileCount);
    }

    [Fact]
    public void Analyze_DirectoryReplacedByFile_HidesTheDirectoryContent()
    {
        var lower = new LayerBuilder().Directory("opt/tool/").File("opt/tool/bin", 300).File("opt/tool/lib", 30);
        var upper = new LayerBuilder().File("opt/tool", 50);

        var analysis = LayerReading.Analyze(lower, upper);

        Assert.Equal(lower.Files["opt/tool/bin"] + lower.Files["opt/tool/lib"], analysis.HiddenBytes);
        Assert.Equal(upper.Files["opt/tool"], analysis.VisibleBytes);
    }

    [Fact]
    public void Analyze_CacheDeletedInLaterLayer_IsHiddenBytesNotACategory()
    {
        var lower = new LayerBuilder().File("var/lib/apt/lists/deb.debian.org_Packages", 2000)
            .File("var/lib/apt/lists/deb.debian.org_Release", 100).File("usr/bin/app", 64);
        var upper = new LayerBuilder().Whiteout("var/lib/apt/lists");

        var analysis = LayerReading.Analyze(lower, upper);

        Assert.Equal(
            lower.Files["var/lib/apt/lists/deb.debian.org_Packages"]
                + lower.Files["var/lib/apt/lists/deb.debian.org_Release"],
            analysis.HiddenBytes);
        Assert.DoesNotContain(analysis.Categories, total => total.Category == DeadWeightCategory.AptLists);
    }

    [Fact]
    public void Analyze_ImageTotals_SumLayerTarsAndVisibleFiles()
    {
        var lower = new LayerBuilder().File("a", 1000).File("b", 2000);
        var upper = new LayerBuilder().File("b", 500).File("c", 250);
        var lowerIndex = LayerReading.ReadGzip(lower);
        var upperIndex = LayerReading.ReadGzip(upper);

        var analysis = ImageAnalyzer.Analyze([lowerIndex, upperIndex]);

        Assert.Equal(lower.ToTar().Length + upper.ToTar().Length, analysis.UncompressedBytes);
        Assert.Equal(lower.Files["a"] + upper.Files["b"] + upper.Files["c"], analysis.VisibleBytes);
        Assert.Equal(lower.Files["b"], analysis.HiddenBytes);
    }
}
