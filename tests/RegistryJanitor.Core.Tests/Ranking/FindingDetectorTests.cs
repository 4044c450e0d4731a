using RegistryJanitor.Core.Ranking;
using Xunit;

namespace RegistryJanitor.Core.Tests.Ranking;

public sealed class FindingDetectorTests
{
    private static readonly RankingOptions Options = new();

    [Fact]
    public void Detect_ImageWithEveryPitfall_FlagsEachWithEvidence()
    {
        var findings = FindingDetector.Detect(Scenarios.NodeWithEveryPitfall(), Options);

        var present = findings.Where(f => f.Status == FindingStatus.Present).Select(f => f.Kind).ToHashSet();
        var expected = Enum.GetValues<FindingKind>().Where(kind => kind != FindingKind.SquashedImage);
        Assert.Equal(expected.ToHashSet(), present);
        Assert.All(findings, finding => Assert.NotEmpty(finding.Evidence));
    }

    [Fact]
    public void Detect_ContextCopiedBeforeInstall_NamesBothHistorySteps()
    {
        var finding = Single(Scenarios.NodeWithEveryPitfall(), FindingKind.BuildContextBeforeDependencies);

        Assert.Equal([3, 4], finding.Evidence.Select(e => e.HistoryStep ?? -1));
    }

    [Fact]
    public void Detect_SecretLikeFile_ReportsPathAndLayerOnly()
    {
        var finding = Single(Scenarios.NodeWithEveryPitfall(), FindingKind.SecretLikeFiles);

        var evidence = Assert.Single(finding.Evidence);
        Assert.Equal("app/.env", evidence.Path);
        Assert.Equal(3, evidence.Layer);
        Assert.Equal(Severity.High, finding.Severity);
    }

    [Fact]
    public void Detect_HiddenBytes_CarriesLayersAndBytes()
    {
        var evidence = Scenarios.NodeWithEveryPitfall();

        var finding = Single(evidence, FindingKind.HiddenBytes);

        var copy = evidence.Analysis!.LargestHidden[0];
        var item = Assert.Single(finding.Evidence);
        Assert.Equal((copy.Path, copy.Layer, copy.Size), (item.Path, item.Layer, item.Bytes));
    }

    [Fact]
    public void Detect_HiddenBytesBeyondTheExamples_EvidenceAddsUpToTheHiddenBytes()
    {
        var image = Scenarios.NodeWithEveryPitfall();
        var examples = image.Analysis!.LargestHidden;
        var exampleBytes = examples.Sum(copy => copy.Size);
        const long OtherBytes = 7_654_321;
        const int OtherFiles = 12;
        var evidence = image with
        {
            Analysis = image.Analysis with
            {
                HiddenBytes = exampleBytes + OtherBytes,
                HiddenFileCount = examples.Count + OtherFiles,
            },
        };

        var finding = Single(evidence, FindingKind.HiddenBytes);

        Assert.Equal(exampleBytes + OtherBytes, finding.Evidence.Sum(item => item.Bytes));
        var rest = finding.Evidence[^1];
        Assert.Equal((null, null, OtherBytes), (rest.Path, rest.Layer, rest.Bytes));
        Assert.Equal($"{OtherBytes} bytes in {OtherFiles} other hidden files", rest.Detail);
        Assert.Equal(examples.Select(copy => copy.Path), finding.Evidence.SkipLast(1).Select(item => item.Path));
    }

    [Fact]
    public void Detect_DevelopmentPackageWithDependencies_NamesThemAndBytesEqualTheToolchainFiles()
    {
        const long Cc1 = 30 * Scenarios.MiB;
        const long Header = 2 * Scenarios.MiB;
        const long DevBytes = 3 * Scenarios.MiB;
        const long DependencyBytes = 9 * Scenarios.MiB;
        var development = new Core.Layers.Packages.PackageUsage("dpkg", "libc6-dev", "2.36", DevBytes, 300, true)
        {
            ExclusiveDependencies = ["linux-libc-dev", "libcrypt-dev"],
            DependencyBytes = DependencyBytes,
            DependencyFileCount = 40,
        };
        var image = Scenarios.Monolith() with
        {
            Analysis = Scenarios.Analysis(
                uncompressed: 500 * Scenarios.MiB,
                categories:
                [
                    Scenarios.Category(Core.Layers.DeadWeightCategory.Toolchain,
                        ("usr/lib/gcc/x86_64-linux-gnu/12/cc1", Cc1), ("usr/include/stdio.h", Header)),
                ],
                packages: [development]),
        };

        var finding = Single(image, FindingKind.ToolchainInRuntime);

        Assert.Equal(Cc1 + Header, finding.Evidence.Sum(item => item.Bytes));
        var package = Assert.Single(
            finding.Evidence, item => item.Detail.StartsWith("dpkg package", StringComparison.Ordinal));
        Assert.Equal(
            $"dpkg package libc6-dev: {DevBytes} bytes, with 2 dependencies only it needs (linux-libc-dev, "
            + $"libcrypt-dev): {DependencyBytes} bytes more",
            package.Detail);
        Assert.Equal(0, package.Bytes);
    }

    [Fact]
    public void Detect_WithoutLayerAnalysis_SaysUnknownForContentFindings()
    {
        var evidence = Scenarios.NodeWithEveryPitfall() with { Analysis = null };

        var findings = FindingDetector.Detect(evidence, Options);

        FindingKind[] contentKinds =
        [
            FindingKind.NoDockerignore, FindingKind.PackageManagerLeftovers, FindingKind.ToolchainInRuntime,
            FindingKind.HiddenBytes, FindingKind.SecretLikeFiles,
        ];
        Assert.All(contentKinds, kind =>
            Assert.Equal(FindingStatus.Unknown, findings.Single(f => f.Kind == kind).Status));

        // RUN steps in the image's own history still prove a shell ships in it.
        Assert.Equal(FindingStatus.Present, findings.Single(f => f.Kind == FindingKind.ShellAndPackageManager).Status);
    }

    [Fact]
    public void Detect_BaseNotRecorded_UnpinnedBaseIsUnknown()
    {
        var evidence = Scenarios.Monolith();

        var finding = Single(evidence, FindingKind.UnpinnedBase, FindingStatus.Unknown);

        Assert.Contains("unknown", finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_OneBigUnsharedLayerAcrossTags_IsSquashed()
    {
        var evidence = Scenarios.Image("big", Scenarios.Config(user: "1"), 400 * Scenarios.MiB, Scenarios.MiB);

        var finding = Single(evidence, FindingKind.SquashedImage);

        Assert.Equal(0, finding.Evidence[0].Layer);
        Assert.Equal(400 * Scenarios.MiB, finding.Evidence[0].Bytes);
    }

    [Fact]
    public void Detect_BigLayerSharedWithSiblings_IsNotSquashed()
    {
        var evidence = Scenarios.Image("big", Scenarios.Config(user: "1"), 400 * Scenarios.MiB, Scenarios.MiB);
        var shared = evidence.Layers[0] with { SharedWithOtherManifests = true };
        evidence = evidence with { Layers = [shared, evidence.Layers[1]] };

        var findings = FindingDetector.Detect(evidence, Options);

        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.SquashedImage);
    }

    [Fact]
    public void Detect_RootUserSpellings_AllRunAsRoot()
    {
        string?[] users = [null, "", "root", "0", "0:0"];

        var flagged = users.Count(user => FindingDetector
            .Detect(Scenarios.Image("r", Scenarios.Config(user: user), 1000), Options)
            .Any(f => f.Kind == FindingKind.RunsAsRoot && f.Status == FindingStatus.Present));

        Assert.Equal(users.Length, flagged);
    }

    [Fact]
    public void Detect_OciImageWithoutHealthcheck_IsNotFlagged()
    {
        var evidence = Scenarios.Image("oci", Scenarios.Config(user: "1"), 1000);

        var findings = FindingDetector.Detect(evidence, Options);

        Assert.DoesNotContain(findings, f => f.Kind == FindingKind.NoHealthcheck);
    }

    private static Finding Single(
        Core.Ranking.ImageEvidence evidence, FindingKind kind, FindingStatus status = FindingStatus.Present) =>
        FindingDetector.Detect(evidence, Options).Single(f => f.Kind == kind && f.Status == status);
}
