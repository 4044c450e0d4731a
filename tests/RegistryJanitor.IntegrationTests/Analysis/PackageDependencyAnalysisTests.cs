using RegistryJanitor.Analysis;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.IntegrationTests.Ranking;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Analysis;

public sealed class PackageDependencyAnalysisTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const string Status = "var/lib/dpkg/status";

    [Fact]
    public async Task RunAsync_DpkgStatusWithDependencies_StoresThePackageAndItsExclusiveDependencies()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-dependencies") + "/app";
        var seed = Random.Shared.Next(1, 1_000_000) * 16;
        const string BaseStatus = "Package: libc6\nStatus: install ok installed\nVersion: 2.36\n\n"
            + "Package: curl\nStatus: install ok installed\nVersion: 7.88\nDepends: libc6 (>= 2.34)\n\n";
        var system = TestLayer.Create(l => l
            .File(Status, BaseStatus)
            .File("var/lib/dpkg/info/libc6:amd64.list", "/usr/lib/x86_64-linux-gnu/libc.so.6\n")
            .File("var/lib/dpkg/info/curl.list", "/usr/bin/curl\n")
            .FileOfSize("usr/lib/x86_64-linux-gnu/libc.so.6", 9_000, seed + 1)
            .FileOfSize("usr/bin/curl", 2_400, seed + 2));
        var toolchain = TestLayer.Create(l => l
            .File(Status, BaseStatus
                + "Package: build-essential\nStatus: install ok installed\nVersion: 12.9\nDepends: gcc-12, make\n\n"
                + "Package: gcc-12\nStatus: install ok installed\nVersion: 12.2\nDepends: libc6, cpp-12\n\n"
                + "Package: cpp-12\nStatus: install ok installed\nVersion: 12.2\nDepends: libc6\n\n"
                + "Package: make\nStatus: install ok installed\nVersion: 4.3\nDepends: libc6\n\n")
            .File("var/lib/dpkg/info/build-essential.list", "/usr/share/doc/build-essential/list\n")
            .File("var/lib/dpkg/info/gcc-12.list", "/usr/bin/gcc-12\n")
            .File("var/lib/dpkg/info/cpp-12.list", "/usr/lib/gcc/x86_64-linux-gnu/12/cc1\n")
            .File("var/lib/dpkg/info/make.list", "/usr/bin/make\n")
            .FileOfSize("usr/share/doc/build-essential/list", 600, seed + 3)
            .FileOfSize("usr/bin/gcc-12", 3_100, seed + 4)
            .FileOfSize("usr/lib/gcc/x86_64-linux-gnu/12/cc1", 12_000, seed + 5)
            .FileOfSize("usr/bin/make", 1_700, seed + 6));
        var image = await builder.Image(repository).Layer(system).Layer(toolchain)
            .Config(c => c.History("RUN install base").History("RUN apt-get install -y build-essential"))
            .PushAsync("v1", cancellationToken);
        await using var host = new AnalysisHost(database.DataSource);
        var rows = new AnalysisRows(database.DataSource);

        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("dependencies", registryUrl, repository), cancellationToken);

        Assert.Equal(AnalysisSummary.Succeeded, summary.Status);
        var packages = await rows.PackagesAsync(image.Digest, "dpkg", cancellationToken);
        Assert.Equal(6, packages.Count);
        var buildEssential = packages["build-essential"];
        Assert.Equal(Size(toolchain, "usr/share/doc/build-essential/list"), buildEssential.Bytes);
        Assert.Equal(["cpp-12", "gcc-12", "make"], buildEssential.Dependencies);
        Assert.Equal(
            Size(toolchain, "usr/bin/gcc-12") + Size(toolchain, "usr/lib/gcc/x86_64-linux-gnu/12/cc1")
                + Size(toolchain, "usr/bin/make"),
            buildEssential.DependencyBytes);
        Assert.Equal(3, buildEssential.DependencyFiles);
        Assert.Equal(["cpp-12"], packages["gcc-12"].Dependencies);
        Assert.Empty(packages["curl"].Dependencies);
        Assert.Equal(0, packages["curl"].DependencyBytes);

        // The ranking reads the stored dependencies back: the toolchain finding names build-essential with the
        // packages installed only for it, and its bytes stay those of the toolchain files.
        await using var ranking = new RankingHost(database.DataSource, new Dictionary<string, string?>
        {
            ["Pricing:DefaultProfile"] = "test",
            ["Pricing:Profiles:test:Source"] = "test prices",
            ["Pricing:Profiles:test:StoragePricePerGbMonth"] = "0.1",
        });
        var result = await ranking.Ranking.RunAsync("dependencies", allTags: false, month: null, cancellationToken);
        var toolchainFinding = Assert.Single(result.Images).Findings
            .Single(finding => finding.Kind == FindingKind.ToolchainInRuntime);
        Assert.Contains(
            $"dpkg package build-essential: {buildEssential.Bytes} bytes, with 3 dependencies only it needs "
            + $"(cpp-12, gcc-12, make): {buildEssential.DependencyBytes} bytes more",
            toolchainFinding.Evidence.Select(item => item.Detail));
    }

    private static long Size(TestLayer layer, string path) =>
        layer.Entries.Single(entry => entry.Kind == LayerEntryKind.File && entry.Path == path).Size;
}
