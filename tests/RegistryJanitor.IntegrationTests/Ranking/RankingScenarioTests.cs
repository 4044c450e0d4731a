using System.Globalization;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Storage.Ranking;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Ranking;

/// <summary>
/// Real registry, real scan, real layer analysis and ranking: one test image per decision-matrix row and per
/// content finding, each built so the test knows which findings it must raise and what it can save.
/// </summary>
public sealed partial class RankingScenarioTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const long ReferenceBytes = 4096;

    private const decimal Price = 0.10m;

    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    private const string EnvFile = "# test content\nDATABASE_PASSWORD=not-a-real-password\n";

    private const string MlBase = "docker.io/library/python:3.11-slim-bookworm";

    [Fact]
    public async Task RunAsync_AnalysedScenarioImages_ClassifiedFlaggedAndOrderedByHandComputedSavings()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (registry, scenarios) = await PushScenariosAsync("rankscn", cancellationToken);
        await using var host = new RankingPipelineHost(database.DataSource, Settings(Price));
        await host.ScanAndAnalyseAsync(registry, cancellationToken);
        var lean = scenarios.Lean.Image;
        (string Repository, string Tag, ManifestKind Kind)[] artifacts =
        [
            (scenarios.Ci.Repository, "buildcache", ManifestKind.BuildCache),
            (lean.Repository, CosignArtifacts.TagFor(lean.Digest, "sig"), ManifestKind.Signature),
            (lean.Repository, CosignArtifacts.TagFor(lean.Digest, "sbom"), ManifestKind.Sbom),
        ];

        var result = await host.Ranking.RunAsync(registry.Name, allTags: false,
            [.. artifacts.Select(item => new RequestedTag(item.Repository, item.Tag))], month: null, cancellationToken);

        var ranked = result.Images.Where(image => image.Rank > 0).ToDictionary(image => image.Evidence.Repository);
        var web = ranked[scenarios.Web.Repository];
        Assert.Equal("zeta", web.Evidence.Tag);
        Assert.Equal(ScenarioRow.HighFrequencyMicroservice, web.Classification.Row);
        Assert.Equal(Ecosystem.Node, web.Classification.Ecosystem.Ecosystem);
        Assert.Equal(
            [
                FindingKind.BuildContextBeforeDependencies, FindingKind.NoDockerignore,
                FindingKind.PackageManagerLeftovers, FindingKind.RunsAsRoot, FindingKind.NoSbomOrSignature,
                FindingKind.ShellAndPackageManager, FindingKind.NoHealthcheck, FindingKind.HiddenBytes,
                FindingKind.SecretLikeFiles,
            ],
            Present(web).Order());
        Assert.Equal(FindingStatus.Unknown, Finding(web, FindingKind.UnpinnedBase).Status);
        Assert.Equal(["app/.env"], Paths(web, FindingKind.SecretLikeFiles));
        Assert.Equal(["tmp/node.tar.xz"], Paths(web, FindingKind.HiddenBytes));
        Assert.Equal(0, Finding(web, FindingKind.HiddenBytes).Evidence[0].Layer);
        Assert.Equal(["bin/bash", "usr/bin/apt-get"], Paths(web, FindingKind.ShellAndPackageManager));
        Assert.Contains("app/.git/HEAD", Paths(web, FindingKind.NoDockerignore));
        Assert.Contains("app/tests/server.test.js", Paths(web, FindingKind.NoDockerignore));
        Assert.Contains(Apt, Paths(web, FindingKind.PackageManagerLeftovers));

        var ml = ranked[scenarios.Ml.Repository];
        Assert.Equal(ScenarioRow.DataHeavyMlPython, ml.Classification.Row);
        Assert.Equal(Confidence.High, ml.Classification.Confidence);
        Assert.Equal(["numpy"], ml.Classification.Ecosystem.MlLibraries);
        Assert.Equal(NumpyFiles.Sum(file => (long)file.Size), ml.Classification.Ecosystem.SitePackagesBytes);
        Assert.Equal([PipCache], Paths(ml, FindingKind.PackageManagerLeftovers));
        Assert.DoesNotContain(ml.Findings, finding => finding.Kind == FindingKind.ShellAndPackageManager);

        // The base is named by a label without a digest: pinning can be judged, and it is missing.
        var unpinned = Finding(ml, FindingKind.UnpinnedBase);
        Assert.Equal(FindingStatus.Present, unpinned.Status);
        Assert.Contains(MlBase, Assert.Single(unpinned.Evidence).Detail, StringComparison.Ordinal);
        Assert.StartsWith($"FROM {MlBase}@sha256:",
            ml.Recommendations.Single(r => r.Addresses.Contains(FindingKind.UnpinnedBase)).Snippet,
            StringComparison.Ordinal);

        var billing = ranked[scenarios.Billing.Repository];
        Assert.Equal(ScenarioRow.LegacyMonolith, billing.Classification.Row);
        Assert.Equal(
            ["usr/include/stdio.h", "usr/lib/gcc/x86_64-linux-gnu/12/cc1"],
            Paths(billing, FindingKind.ToolchainInRuntime).Order());
        Assert.Contains(FindingKind.RunsAsRoot, Present(billing));
        Assert.Equal("4.3", billing.Evidence.Tag);

        // Two tags, each one big layer that no other manifest shares: the squash finding fires on that layer.
        var squashed = Assert.Single(Finding(billing, FindingKind.SquashedImage).Evidence);
        Assert.Equal(FindingStatus.Present, Finding(billing, FindingKind.SquashedImage).Status);
        Assert.Equal((0, scenarios.Billing.Image.Layers[0].Size), (squashed.Layer, squashed.Bytes));

        var ci = ranked[scenarios.Ci.Repository];
        Assert.Equal(ScenarioRow.CiConstrained, ci.Classification.Row);

        // The cache export names the image as a build would push it: the registry's host, not its configured name.
        var registryHost = TestRegistryEnvironment.RequireRegistry().Authority;
        Assert.Contains($"--cache-to type=registry,ref={registryHost}/{scenarios.Ci.Repository}:buildcache",
            ci.Recommendations[0].Snippet, StringComparison.Ordinal);

        var leanImage = ranked[scenarios.Lean.Repository];
        Assert.Equal(ScenarioRow.AlreadyLean, leanImage.Classification.Row);
        Assert.Empty(leanImage.Findings);
        Assert.Empty(leanImage.Recommendations);

        // Build cache, signature and SBOM named on request: not images, so no rank, findings, fixes or savings.
        var notImages = result.Images.Where(image => image.Rank == 0).ToList();
        Assert.Equal(
            artifacts.Select(item => (item.Repository, item.Tag, item.Kind)).Order(),
            notImages.Select(image => (image.Evidence.Repository, image.Evidence.Tag, image.Evidence.Kind)).Order());
        foreach (var artifact in notImages)
        {
            Assert.Equal(ScenarioRow.NotAnImage, artifact.Classification.Row);
            Assert.Empty(artifact.Findings);
            Assert.Empty(artifact.Recommendations);
            Assert.Equal((0L, 0m), (artifact.Savings.RemovableBytes, artifact.Savings.MoneyPerMonth));
        }

        var expected = scenarios.All
            .Select(scenario => (scenario.Repository, Money: scenario.ExpectedMoney(ReferenceBytes, Price)))
            .OrderByDescending(item => item.Money)
            .ToList();
        var order = result.Images.Where(image => image.Rank > 0).OrderBy(image => image.Rank).ToList();
        Assert.Equal(expected.Select(item => item.Repository), order.Select(image => image.Evidence.Repository));
        Assert.Equal(expected.Select(item => item.Money), order.Select(image => image.Savings.MoneyPerMonth));
    }

    [Fact]
    public async Task RunAsync_StoragePriceChanged_MoneyFollowsThePriceAndBytesStayTheSame()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (registry, scenarios) = await PushScenariosAsync("rankprc", cancellationToken);
        const decimal NewPrice = 0.25m;
        await using var host = new RankingPipelineHost(database.DataSource, Settings(Price));
        await host.ScanAndAnalyseAsync(registry, cancellationToken);
        var before = await host.Ranking.RunAsync(registry.Name, allTags: false, month: null, cancellationToken);
        await using var repriced = new RankingPipelineHost(database.DataSource, Settings(NewPrice));

        var after = await repriced.Ranking.RunAsync(registry.Name, allTags: false, month: null, cancellationToken);

        Assert.NotEqual(before.RunId, after.RunId);
        var old = before.Images.ToDictionary(image => image.Evidence.Repository);
        foreach (var scenario in scenarios.All)
        {
            var image = after.Images.Single(item => item.Evidence.Repository == scenario.Repository);
            Assert.Equal(old[scenario.Repository].Savings.RemovableBytes, image.Savings.RemovableBytes);
            Assert.Equal(old[scenario.Repository].Savings.StorageBytesSaved, image.Savings.StorageBytesSaved);
            Assert.Equal(scenario.ExpectedMoney(ReferenceBytes, Price), old[scenario.Repository].Savings.MoneyPerMonth);
            Assert.Equal(scenario.ExpectedMoney(ReferenceBytes, NewPrice), image.Savings.MoneyPerMonth);
        }

        Assert.Contains(scenarios.All, scenario => scenario.ExpectedMoney(ReferenceBytes, Price) > 0);
    }

    private const string Apt = "var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages";

    private const string PipCache = "root/.cache/pip/http/a/b/numpy-wheel";

    private const string SitePackages = "usr/local/lib/python3.11/site-packages/";

    private static readonly (string Path, int Size)[] NumpyFiles =
    [
        (SitePackages + "numpy/__init__.py", 900),
        (SitePackages + "numpy/core/_multiarray_umath.so", 60_000),
    ];

    private static List<FindingKind> Present(RankedImage image) =>
        [.. image.Findings.Where(f => f.Status == FindingStatus.Present).Select(f => f.Kind)];

    private static Finding Finding(RankedImage image, FindingKind kind) =>
        image.Findings.Single(finding => finding.Kind == kind);

    private static List<string> Paths(RankedImage image, FindingKind kind) =>
        [.. Finding(image, kind).Evidence.Select(evidence => evidence.Path).OfType<string>()];

    private static byte[] Content(int size, int seed)
    {
        var bytes = new byte[size];
        SyntheticContent.Fill(bytes, seed, 0);
        return bytes;
    }

    private static Dictionary<string, string?> Settings(decimal price)
    {
        var reference = ReferenceBytes.ToString(CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string?>
        {
            ["RegistryClient:BaseDelay"] = "00:00:00.020",
            ["RegistryClient:MaxRetries"] = "3",
            // Three builds in the three-month window are one a month: the web repository is the frequent one.
            ["Ranking:HighFrequencyTagsPerMonth"] = "1",
            ["Ranking:HiddenBytesThreshold"] = "1000",
            // Each billing build is one layer of about 50 KB compressed; no other scenario has as dominant a layer
            // in a repository of two or more tags.
            ["Ranking:SquashedMinLayerBytes"] = "20000",
            ["Pricing:DefaultProfile"] = "test",
            ["Pricing:Profiles:test:Source"] = "test prices",
            ["Pricing:Profiles:test:StoragePricePerGbMonth"] = price.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var name in new[]
                 {
                     "DistrolessNodeBytes", "DistrolessStaticBytes", "DistrolessJavaBytes", "ChiseledDotNetBytes",
                     "PythonSlimBytes", "AlpineBytes", "DistrolessBaseBytes",
                 })
        {
            settings["Ranking:" + name] = reference;
        }

        return settings;
    }

    private static async Task<(Core.Configuration.RegistryOptions Registry, RankingScenarioSet Scenarios)>
        PushScenariosAsync(string name, CancellationToken cancellationToken)
    {
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var prefix = TestImageBuilder.UniqueRepository(name);
        var now = TimeProvider.System.GetUtcNow();
        var scenarios = new RankingScenarioSet(
            await PushWebAsync(builder, prefix + "/web", now, cancellationToken),
            await PushMlAsync(builder, prefix + "/ml", now, cancellationToken),
            await PushBillingAsync(builder, prefix + "/billing", now, cancellationToken),
            await PushCiAsync(builder, prefix + "/ci", now, cancellationToken),
            await PushLeanAsync(builder, prefix + "/lean", now, cancellationToken));
        return (ScannerHost.Registry(name, registryUrl, prefix + "/*"), scenarios);
    }
}
