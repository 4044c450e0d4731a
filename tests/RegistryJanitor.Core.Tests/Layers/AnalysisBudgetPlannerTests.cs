using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Model;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class AnalysisBudgetPlannerTests
{
    [Fact]
    public void Plan_TwentyImagesSharingABaseLayer_ReadsTheBaseLayerOnce()
    {
        var baseLayer = Layer("base", 80_000_000);
        var images = Enumerable.Range(0, 20)
            .Select(i => Image($"app{i}", pulls: 10 + i, baseLayer, Layer($"app{i}", 1_000_000 + i)))
            .ToList();

        var plan = AnalysisBudgetPlanner.Plan(images, new HashSet<string>(), 20L << 30);

        Assert.Single(plan.LayersToRead, layer => layer.Digest == baseLayer.Digest);
        Assert.Equal(21, plan.LayersToRead.Count);
        Assert.Equal(images.SelectMany(image => image.Layers).DistinctBy(l => l.Digest).Sum(l => l.Size),
            plan.PlannedBytes);
        Assert.Equal(20, plan.ImagesCompleted.Count);
    }

    [Fact]
    public void Plan_BudgetTooSmallForAll_SpendsItOnSizeTimesPullsFirstAndRecordsTheRest()
    {
        var popular = Image("popular", pulls: 1000, Layer("p", 300));
        var big = Image("big", pulls: 1, Layer("b", 900));
        var small = Image("small", pulls: 2, Layer("s", 100));
        var budget = popular.Layers.Sum(l => l.Size) + small.Layers.Sum(l => l.Size);

        var plan = AnalysisBudgetPlanner.Plan([small, big, popular], new HashSet<string>(), budget);

        Assert.Equal([popular.ManifestDigest, small.ManifestDigest], plan.ImagesCompleted);
        Assert.Equal([big.ManifestDigest], plan.ImagesSkipped);
        Assert.Equal(budget, plan.PlannedBytes);
    }

    [Fact]
    public void Plan_LayersAnalysedBefore_AreNotReadAgainNorCharged()
    {
        var shared = Layer("shared", 5000);
        var own = Layer("own", 10);
        var image = Image("img", pulls: 3, shared, own);

        var plan = AnalysisBudgetPlanner.Plan([image], new HashSet<string> { shared.Digest }, own.Size);

        Assert.Equal([own], plan.LayersToRead);
        Assert.Equal([image.ManifestDigest], plan.ImagesCompleted);
    }

    [Fact]
    public void Plan_ForeignLayer_IsNeverDownloaded()
    {
        var foreign = new LayerBlobRef(Digest.Sha256Of("win"u8).ToString(), 1 << 30,
            MediaTypes.DockerForeignLayerGzip);
        var image = Image("windows", pulls: 1, foreign, Layer("app", 10));

        var plan = AnalysisBudgetPlanner.Plan([image], new HashSet<string>(), 10);

        Assert.DoesNotContain(foreign, plan.LayersToRead);
        Assert.Equal([image.ManifestDigest], plan.ImagesCompleted);
    }

    private static LayerBlobRef Layer(string name, long size) =>
        new(Digest.Sha256Of(System.Text.Encoding.UTF8.GetBytes(name)).ToString(), size, MediaTypes.OciLayerGzip);

    private static AnalysisCandidate Image(string name, long pulls, params LayerBlobRef[] layers) =>
        new(Digest.Sha256Of(System.Text.Encoding.UTF8.GetBytes("manifest " + name)).ToString(),
            layers.Sum(layer => layer.Size), pulls, layers);
}
