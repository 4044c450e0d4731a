using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Ranking;
using Xunit;

namespace RegistryJanitor.Core.Tests.Ranking;

public sealed class ScenarioClassifierTests
{
    private static readonly RankingOptions Options = new();

    [Fact]
    public void Classify_FrequentNodeService_IsHighFrequencyMicroserviceWithReasons()
    {
        var result = Assess(Scenarios.NodeWithEveryPitfall());

        Assert.Equal(ScenarioRow.HighFrequencyMicroservice, result.Classification.Row);
        Assert.Equal(Ecosystem.Node, result.Classification.Ecosystem.Ecosystem);
        Assert.Equal(OsFamily.Debian, result.Classification.OsFamily);
        var reasons = result.Classification.Reasons;
        Assert.Contains(reasons, reason => reason.Contains("30 tags pushed per month", StringComparison.Ordinal));
        Assert.Contains(reasons, reason => reason.Contains("env NODE_VERSION", StringComparison.Ordinal));
        Assert.Contains("distroless/nodejs", result.Recommendations[0].Snippet, StringComparison.Ordinal);
        Assert.Contains("FROM node:22-bookworm AS build", result.Recommendations[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_PythonWithTorch_IsDataHeavyMlWithSitePackagesSize()
    {
        var evidence = Scenarios.MachineLearning();

        var result = Assess(evidence);

        Assert.Equal(ScenarioRow.DataHeavyMlPython, result.Classification.Row);
        Assert.Equal(Confidence.High, result.Classification.Confidence);
        Assert.Equal(["numpy", "torch"], result.Classification.Ecosystem.MlLibraries);
        var expectedSitePackages = evidence.Analysis!.Packages.Where(p => p.Ecosystem == "python").Sum(p => p.Bytes);
        Assert.Equal(expectedSitePackages, result.Classification.Ecosystem.SitePackagesBytes);
        Assert.Contains("pip cache mounts", result.Recommendations[0].Title, StringComparison.Ordinal);
        Assert.Contains(
            "--mount=type=cache,target=/root/.cache/pip", result.Recommendations[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_LargeRarelyPushed_IsLegacyMonolithWithAlpine()
    {
        var result = Assess(Scenarios.Monolith());

        Assert.Equal(ScenarioRow.LegacyMonolith, result.Classification.Row);
        Assert.Equal(Confidence.Medium, result.Classification.Confidence);
        Assert.Contains("FROM alpine", result.Recommendations[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_RepositoryWithBuildCache_IsCiConstrainedWithCacheExport()
    {
        var result = Assess(Scenarios.CiBuilt());

        Assert.Equal(ScenarioRow.CiConstrained, result.Classification.Row);
        Assert.Equal(Ecosystem.Go, result.Classification.Ecosystem.Ecosystem);
        Assert.Contains("--cache-to type=registry,ref=local/ci/builder:buildcache", result.Recommendations[0].Snippet,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ManifestKind.Signature)]
    [InlineData(ManifestKind.BuildCache)]
    [InlineData(ManifestKind.Artifact)]
    [InlineData(ManifestKind.Sbom)]
    public void Classify_NonImageManifest_IsNotAnImageWithoutFindings(ManifestKind kind)
    {
        var evidence = Scenarios.Image("sigs", null, 1000) with { Kind = kind };

        var result = Assess(evidence);

        Assert.Equal(ScenarioRow.NotAnImage, result.Classification.Row);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Recommendations);
        Assert.Equal(0m, result.Savings.MoneyPerMonth);
    }

    [Fact]
    public void Classify_LeanNonRootSignedImage_IsAlreadyLeanWithNoFindings()
    {
        var result = Assess(Scenarios.Lean());

        Assert.Equal(ScenarioRow.AlreadyLean, result.Classification.Row);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Recommendations);
        Assert.Equal(0, result.Savings.RemovableBytes);
        Assert.Equal(OsFamily.Distroless, result.Classification.OsFamily);
    }

    private static RankedImage Assess(Core.Ranking.ImageEvidence evidence) =>
        ImageRanker.Assess(evidence, Options, Scenarios.Pricing());
}
