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
    [Fact]
    public void Advise_ToolchainAndShell_OneBuildStageChangeAddressesBoth()
    {
        var evidence = Scenarios.Monolith() with
        {
            Analysis = Scenarios.Analysis(
                uncompressed: 2000 * Scenarios.MiB,
                categories:
                [
                    Scenarios.Category(Core.Layers.DeadWeightCategory.Toolchain,
                        ("usr/lib/gcc/x86_64-linux-gnu/12/cc1", 30 * Scenarios.MiB)),
                ],
                packages:
                [
                    new Core.Layers.Packages.PackageUsage("dpkg", "bash", "5.2", Scenarios.MiB, 10, false),
                    new Core.Layers.Packages.PackageUsage("dpkg", "libc6-dev", "2.36", 20 * Scenarios.MiB, 300, true),
                ]),
        };

        var result = ImageRanker.Assess(evidence, new RankingOptions(), Scenarios.Pricing());

        Assert.Contains(result.Findings, f => f.Kind == FindingKind.ToolchainInRuntime
            && f.Status == FindingStatus.Present);
        Assert.Contains(result.Findings, f => f.Kind == FindingKind.ShellAndPackageManager
            && f.Status == FindingStatus.Present);
        var stage = Assert.Single(result.Recommendations, r => r.Addresses.Contains(FindingKind.ToolchainInRuntime));
        Assert.Contains(FindingKind.ShellAndPackageManager, stage.Addresses);
        Assert.Equal(result.Recommendations.Count, result.Recommendations.Select(r => r.Snippet).Distinct().Count());
    }
}
