using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Ranking;
using Xunit;

namespace RegistryJanitor.Core.Tests.Ranking;

public sealed class DockerfileAdvisorTests
{
    private static readonly RankingOptions Options = new();

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
    public void Advise_EveryFindingFix_CarriesTheEffortOfItsChange()
    {
        // A change of a line or two (or of the build command) is small; moving compilers and the package
        // manager into a build stage restructures the Dockerfile, so it is medium. The CI row covers no
        // finding, so every present finding of this image gets its own fix.
        var expected = new Dictionary<FindingKind, EffortClass>
        {
            [FindingKind.BuildContextBeforeDependencies] = EffortClass.Small,
            [FindingKind.NoDockerignore] = EffortClass.Small,
            [FindingKind.UnpinnedBase] = EffortClass.Small,
            [FindingKind.PackageManagerLeftovers] = EffortClass.Small,
            [FindingKind.SquashedImage] = EffortClass.Small,
            [FindingKind.RunsAsRoot] = EffortClass.Small,
            [FindingKind.NoSbomOrSignature] = EffortClass.Small,
            [FindingKind.ToolchainInRuntime] = EffortClass.Medium,
            [FindingKind.ShellAndPackageManager] = EffortClass.Medium,
            [FindingKind.NoHealthcheck] = EffortClass.Small,
            [FindingKind.HiddenBytes] = EffortClass.Small,
            [FindingKind.SecretLikeFiles] = EffortClass.Small,
        };
        var everything = Scenarios.NodeWithEveryPitfall() with
        {
            BuildCacheArtifacts = 1,
            RetainedTagCount = 4,
            Layers = Scenarios.Layers(900 * Scenarios.MiB, 5 * Scenarios.MiB),
        };

        var result = ImageRanker.Assess(everything, Options, Scenarios.Pricing());

        Assert.Equal(ScenarioRow.CiConstrained, result.Classification.Row);
        Assert.Equal(expected.Keys.Order(), result.Findings
            .Where(finding => finding.Status == FindingStatus.Present).Select(finding => finding.Kind).Order());
        // One fix may address several findings when their Dockerfile change is the same.
        var fixes = result.Recommendations.Where(r => r.Addresses.Count > 0).ToList();
        Assert.Equal(expected.Keys.Order(), fixes.SelectMany(fix => fix.Addresses).Order());
        foreach (var fix in fixes)
        {
            foreach (var kind in fix.Addresses)
            {
                Assert.True(expected[kind] == fix.Effort, $"{kind}: {fix.Effort}, expected {expected[kind]}");
            }
        }
    }

    [Fact]
    public void Advise_EachMatrixRow_RowRecommendationCarriesTheEffortOfItsChange()
    {
        // BuildKit cache flags are a build-command change (small); a multi-stage build onto a distroless or slim
        // runtime of the same libc restructures the Dockerfile (medium); moving ML native libraries to another
        // base needs them re-tested (large). The decision matrix calls the legacy row's alpine swap and hardening
        // "low effort now", so it is medium, not large.
        var pythonService = Scenarios.Image("py/api", Scenarios.Config(
                user: "1000",
                env: ["PATH", "PYTHON_VERSION"],
                history: [Scenarios.Step("RUN /bin/sh -c pip install flask # buildkit")]),
            60 * Scenarios.MiB) with
        {
            TagsPushedPerMonth = 30m,
            Analysis = Scenarios.Analysis(150 * Scenarios.MiB),
        };
        (ImageEvidence Image, ScenarioRow Row, EffortClass Effort)[] cases =
        [
            (Scenarios.NodeWithEveryPitfall(), ScenarioRow.HighFrequencyMicroservice, EffortClass.Medium),
            (pythonService, ScenarioRow.HighFrequencyMicroservice, EffortClass.Medium),
            (Scenarios.MachineLearning(), ScenarioRow.DataHeavyMlPython, EffortClass.Large),
            (Scenarios.Monolith(), ScenarioRow.LegacyMonolith, EffortClass.Medium),
            (Scenarios.CiBuilt(), ScenarioRow.CiConstrained, EffortClass.Small),
        ];

        foreach (var (image, row, effort) in cases)
        {
            var result = ImageRanker.Assess(image, Options, Scenarios.Pricing());

            Assert.Equal(row, result.Classification.Row);
            Assert.True(result.Recommendations[0].Effort == effort,
                $"{image.Repository}: {result.Recommendations[0].Title} is {result.Recommendations[0].Effort}");
        }
    }

    [Theory]
    [InlineData("GOLANG_VERSION", "RUN /bin/sh -c CGO_ENABLED=0 go build -o /app . # buildkit", "Go",
        "FROM golang:", "go build", "FROM gcr.io/distroless/static-debian12")]
    [InlineData("DOTNET_VERSION", "COPY /out /app # buildkit", "DotNet",
        "FROM mcr.microsoft.com/dotnet/sdk:", "dotnet publish",
        "FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled")]
    [InlineData("JAVA_VERSION", "COPY target/app.jar /app/app.jar # buildkit", "Jvm",
        "FROM maven:", "mvn -q -DskipTests package", "FROM gcr.io/distroless/java21-debian12")]
    public void Advise_FrequentServiceOfEcosystem_MultiStageSnippetOfThatEcosystem(
        string envName, string step, string ecosystem, string buildStage, string buildCommand, string runtimeStage)
    {
        var service = Scenarios.Image("svc", Scenarios.Config(
                user: "1000", env: ["PATH", envName], history: [Scenarios.Step(step)]),
            80 * Scenarios.MiB, 10 * Scenarios.MiB) with
        {
            TagsPushedPerMonth = 20m,
            Analysis = Scenarios.Analysis(200 * Scenarios.MiB),
        };

        var result = ImageRanker.Assess(service, Options, Scenarios.Pricing());

        Assert.Equal(Enum.Parse<Ecosystem>(ecosystem), result.Classification.Ecosystem.Ecosystem);
        Assert.Equal(ScenarioRow.HighFrequencyMicroservice, result.Classification.Row);
        var lines = result.Recommendations[0].Snippet.Split('\n');
        var froms = lines.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, froms.Count);
        Assert.StartsWith(buildStage, froms[0], StringComparison.Ordinal);
        Assert.EndsWith(" AS build", froms[0], StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains(buildCommand, StringComparison.Ordinal));
        Assert.Equal(runtimeStage, froms[1]);
        Assert.Contains(lines, line => line.StartsWith("COPY --from=build ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("USER ", StringComparison.Ordinal));
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
