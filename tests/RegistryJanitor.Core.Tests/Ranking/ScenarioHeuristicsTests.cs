using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Ranking;
using Xunit;

namespace RegistryJanitor.Core.Tests.Ranking;

/// <summary>The row rules below the push threshold, and what analysed runtime files add to them.</summary>
public sealed class ScenarioHeuristicsTests
{
    private static readonly RankingOptions Options = new();

    [Fact]
    public void Classify_WeeklyNodeServiceWithDefaults_IsHighFrequencyMicroservice()
    {
        // Thirteen builds in the three-month window: a weekly release.
        var pushesPerMonth = 13m / ImageEvidenceWindow;
        var evidence = Service(healthcheck: ["CMD", "/app/healthcheck"]) with { TagsPushedPerMonth = pushesPerMonth };

        var result = Assess(evidence);

        Assert.Equal(ScenarioRow.HighFrequencyMicroservice, result.Classification.Row);
        Assert.Equal(Confidence.High, result.Classification.Confidence);
        Assert.Equal(Ecosystem.Node, result.Classification.Ecosystem.Ecosystem);
    }

    [Fact]
    public void Classify_SmallServicePushedMonthly_IsMicroserviceWithServiceReasonsNotMonolith()
    {
        var evidence = Service(healthcheck: ["CMD", "/app/healthcheck"]) with { TagsPushedPerMonth = 1m };

        var result = Assess(evidence);

        Assert.Equal(ScenarioRow.HighFrequencyMicroservice, result.Classification.Row);
        Assert.Equal(Confidence.Low, result.Classification.Confidence);
        Assert.Contains("declares a health check", result.Classification.Reasons);
        Assert.Contains("Node service runtime", result.Classification.Reasons);
    }

    [Fact]
    public void Classify_HealthcheckDisabledAndNoRuntime_FallsBackToMonolithWithLowConfidence()
    {
        var evidence = Scenarios.Image("misc/tool", Scenarios.Config(user: "1000", healthcheck: ["NONE"]), 5 * MiB)
            with { TagsPushedPerMonth = 1m };

        var result = Assess(evidence);

        Assert.Equal(ScenarioRow.LegacyMonolith, result.Classification.Row);
        Assert.Equal(Confidence.Low, result.Classification.Confidence);
    }

    [Fact]
    public void Classify_SmallSingleLayerFromSquashedBuild_IsLegacyMonolithNamingTheSquash()
    {
        var config = Scenarios.Config(user: "0", history: [Scenarios.Step("merge layers (docker build --squash)")]);
        var evidence = Scenarios.Image("finance/billing", config, 3 * MiB) with { TagsPushedPerMonth = 0.33m };

        var result = Assess(evidence);

        Assert.Equal(ScenarioRow.LegacyMonolith, result.Classification.Row);
        Assert.Equal(Confidence.Medium, result.Classification.Confidence);
        Assert.Contains("a single layer whose history names a squash", result.Classification.Reasons);
    }

    [Fact]
    public void Classify_AnalysedStaticBinaryWithoutShell_IsAlreadyLeanAndGo()
    {
        var evidence = Scenarios.Lean() with
        {
            Files = RuntimeFiles.Empty with { StaticExecutables = ["app/edge-proxy"] },
        };

        var result = Assess(evidence);

        Assert.Equal(ScenarioRow.AlreadyLean, result.Classification.Row);
        Assert.Empty(result.Findings);
        Assert.Equal(Ecosystem.Go, result.Classification.Ecosystem.Ecosystem);
        Assert.True(result.Classification.Ecosystem.StaticGoBinary);
    }

    [Fact]
    public void Detect_AnalysedShellBinaryWithoutPackageDatabase_FlagsShellWithItsPath()
    {
        var evidence = Scenarios.Lean() with
        {
            Files = RuntimeFiles.Empty with { Shells = ["bin/busybox"], HasDynamicLoader = true },
        };

        var findings = FindingDetector.Detect(evidence, Options);

        var shell = Assert.Single(findings, f => f.Kind == FindingKind.ShellAndPackageManager);
        Assert.Equal(FindingStatus.Present, shell.Status);
        Assert.Equal("bin/busybox", Assert.Single(shell.Evidence).Path);
    }

    [Fact]
    public void Classify_DotNetAssembliesInLayers_DetectsDotNetFromFilesAlone()
    {
        var evidence = Scenarios.Image("shop/orders", Scenarios.Config(user: "app"), 60 * MiB) with
        {
            Analysis = Scenarios.Analysis(150 * MiB),
            Files = RuntimeFiles.Empty with { DotNetBytes = 70 * MiB, HasDynamicLoader = true },
        };

        var result = Assess(evidence);

        Assert.Equal(Ecosystem.DotNet, result.Classification.Ecosystem.Ecosystem);
        Assert.Contains(result.Classification.Ecosystem.Reasons,
            reason => reason.Contains($"{70 * MiB} bytes of .NET", StringComparison.Ordinal));
    }

    private const long MiB = Scenarios.MiB;

    private const decimal ImageEvidenceWindow = 3m;

    private static ImageEvidence Service(IReadOnlyList<string> healthcheck) => Scenarios.Image(
        "shop/checkout-api",
        Scenarios.Config(
            user: "1000",
            env: ["PATH", "NODE_ENV"],
            healthcheck: healthcheck,
            history: [Scenarios.Step("COPY . /app"), Scenarios.Step("RUN npm ci --omit=dev")]),
        30 * MiB, 20 * MiB, 2 * MiB) with { MediaType = MediaTypes.DockerManifest };

    private static RankedImage Assess(ImageEvidence evidence) =>
        ImageRanker.Assess(evidence, Options, Scenarios.Pricing());
}
