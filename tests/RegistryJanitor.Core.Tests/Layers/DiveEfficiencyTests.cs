using RegistryJanitor.Core.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class DiveEfficiencyTests
{
    [Fact]
    public void Compute_OverwriteDeleteAndDirectoryWhiteout_MatchesDiveDefinition()
    {
        var base0 = new LayerBuilder().File("a", 100).File("b", 50).Directory("d/").File("d/x", 30);
        var layer1 = new LayerBuilder().File("a", 120).Whiteout("b");
        var layer2 = new LayerBuilder().Whiteout("d");
        var a0 = base0.Files["a"];
        var a1 = layer1.Files["a"];
        var b = base0.Files["b"];
        var x = base0.Files["d/x"];

        var score = DiveEfficiency.Compute([
            LayerReading.ReadGzip(base0), LayerReading.ReadGzip(layer1), LayerReading.ReadGzip(layer2)]);

        // Paths: a (two copies), b (its copy, then a whiteout counted as 0), d/x (one copy),
        // d (only the whiteout leaf, sized as the directory it removes: d/x).
        var minimum = Math.Min(a0, a1) + 0 + x + x;
        var cumulative = a0 + a1 + b + x + x;
        Assert.Equal((double)minimum / cumulative, score, 12);
    }

    [Fact]
    public void Compute_NoRepeatedPaths_IsOne()
    {
        var lower = new LayerBuilder().File("a", 10).File("b", 20);
        var upper = new LayerBuilder().File("c", 30);

        var score = DiveEfficiency.Compute([LayerReading.ReadGzip(lower), LayerReading.ReadGzip(upper)]);

        Assert.Equal(1.0, score);
    }

    [Fact]
    public void Compute_OpaqueDirectory_IsIgnoredAsDiveIgnoresIt()
    {
        var lower = new LayerBuilder().File("d/a", 100);
        var upper = new LayerBuilder().Opaque("d").File("d/b", 50);
        var layers = new[] { LayerReading.ReadGzip(lower), LayerReading.ReadGzip(upper) };

        var score = DiveEfficiency.Compute(layers);
        var analysis = ImageAnalyzer.Analyze(layers);

        Assert.Equal(1.0, score);
        Assert.Equal(lower.Files["d/a"], analysis.HiddenBytes);
    }

    [Fact]
    public void Compute_WhiteoutOfImplicitDirectory_CountsZeroAsDiveDoes()
    {
        // No directory entry declares "d", so dive's stacked tree holds it without directory metadata.
        var lower = new LayerBuilder().File("d/x", 40);
        var upper = new LayerBuilder().Whiteout("d");
        var x = lower.Files["d/x"];

        var score = DiveEfficiency.Compute([LayerReading.ReadGzip(lower), LayerReading.ReadGzip(upper)]);

        Assert.Equal((double)x / x, score);
    }
}
