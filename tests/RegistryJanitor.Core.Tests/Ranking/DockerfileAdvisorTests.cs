using RegistryJanitor.Core.Ranking;
using Xunit;

namespace RegistryJanitor.Core.Tests.Ranking;

public sealed class DockerfileAdvisorTests
{
    [Fact]
    public void Advise_LeakedContext_DockerignoreLinesComeFromLeakedPaths()
    {
        var result = ImageRanker.Assess(Scenarios.NodeWithEveryPitfall(), new RankingOptions(), Scenarios.Pricing());

        var fix = result.Recommendations.Single(r => r.Addresses.Contains(FindingKind.NoDockerignore));

        Assert.Equal(["**/.env", "**/.git", "**/tests"], fix.Snippet.Split('\n'));
    }

    [Fact]
    public void Advise_AptLeftovers_ChainsInstallAndClean()
    {
        var result = ImageRanker.Assess(Scenarios.Monolith() with
        {
            Analysis = Scenarios.Analysis(2000 * Scenarios.MiB, categories:
                [Scenarios.Category(Core.Layers.DeadWeightCategory.AptLists, ("var/lib/apt/lists/x", Scenarios.MiB))]),
        }, new RankingOptions(), Scenarios.Pricing());

        var fix = result.Recommendations.Single(r => r.Addresses.Contains(FindingKind.PackageManagerLeftovers));

        Assert.Contains("apt-get install -y --no-install-recommends", fix.Snippet, StringComparison.Ordinal);
        Assert.Contains("rm -rf /var/lib/apt/lists/*", fix.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Advise_RootImage_GetsUserInstruction()
    {
        var result = ImageRanker.Assess(Scenarios.NodeWithEveryPitfall(), new RankingOptions(), Scenarios.Pricing());

        Assert.Contains(result.Recommendations, r => r.Addresses.Contains(FindingKind.RunsAsRoot)
            && r.Snippet.Contains("USER ", StringComparison.Ordinal));
    }
}
