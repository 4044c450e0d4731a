using RegistryJanitor.Analysis;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Analysis;

public sealed class LayerAnalysisTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int AptListBytes = 3_000;
    private const int AptArchiveBytes = 5_000;
    private const int DeletedBytes = 7_000;
    private const int ReplacedBytes = 1_100;
    private const int ReplacementBytes = 900;
    private const int OpaqueFirstBytes = 1_300;
    private const int OpaqueSecondBytes = 1_700;
    private const int OpaqueNewBytes = 400;
    private const int ToolBytes = 2_200;

    [Fact]
    public async Task RunAsync_DeleteOverwriteAndOpaque_StoresExactHiddenBytesAndCategories()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-overlay") + "/app";
        var (lower, upper) = OverlayLayers();
        var image = await builder.Image(repository).Layer(lower).Layer(upper).PushAsync("v1", cancellationToken);
        await using var host = new AnalysisHost(database.DataSource);
        var rows = new AnalysisRows(database.DataSource);

        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("overlay", registryUrl, repository), cancellationToken);

        Assert.Equal(AnalysisSummary.Succeeded, summary.Status);
        Assert.Equal(2, summary.Counts.LayersAnalysed);
        var stored = await rows.ImageAsync(image.Digest, cancellationToken);
        Assert.NotNull(stored);
        var hiddenBytes = DeletedBytes + ReplacedBytes + OpaqueFirstBytes + OpaqueSecondBytes;
        var visibleBytes = AptListBytes + AptArchiveBytes + ReplacementBytes + OpaqueNewBytes + ToolBytes;
        Assert.Equal(lower.TarSize + upper.TarSize, stored.Value.Uncompressed);
        Assert.Equal(hiddenBytes, stored.Value.Hidden);
        Assert.Equal(4, stored.Value.HiddenFiles);
        Assert.Equal(visibleBytes, stored.Value.Visible);
        Assert.Equal(5, stored.Value.VisibleFiles);
        Assert.Equal(DiveExpectation.Score([lower, upper]), stored.Value.Dive, 12);
        Assert.Equal(
            new HashSet<(string, long, int)> { ("AptLists", AptListBytes, 1), ("AptArchives", AptArchiveBytes, 1) },
            await rows.CategoriesAsync(image.Digest, cancellationToken));
        var lowerRow = await rows.LayerAsync(image.Layers[0].Digest, cancellationToken);
        Assert.Equal(lower.TarSize, lowerRow?.TarBytes);
        Assert.Equal(lower.Entries.Count(e => e.Kind == LayerEntryKind.File), lowerRow?.FileCount);
        Assert.Equal(lower.FileBytes, lowerRow?.FileBytes);
    }

    [Fact]
    public async Task RunAsync_DirectoryWhiteoutAndRewrites_StoresDiveEfficiencyOfTheFilesWritten()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-dive") + "/app";
        var seedBase = Random.Shared.Next(1, 1_000_000) * 16;
        var lower = TestLayer.Create(l => l
            .Directory("/build")
            .Directory("/build/obj")
            .FileOfSize("/build/obj/main.o", 4_000, seed: seedBase + 1)
            .FileOfSize("/build/src/main.c", 1_500, seed: seedBase + 2)
            .FileOfSize("/usr/bin/tool", 2_500, seed: seedBase + 3)
            .Directory("/empty"));
        var middle = TestLayer.Create(l => l
            .Whiteout("/build")
            .FileOfSize("/usr/bin/tool", 2_600, seed: seedBase + 4));
        var upper = TestLayer.Create(l => l
            .FileOfSize("/usr/bin/tool", 100, seed: seedBase + 5)
            .Symlink("/usr/bin/t", "tool")
            .OpaqueDirectory("/empty"));
        var image = await builder.Image(repository).Layer(lower).Layer(middle).Layer(upper)
            .PushAsync("v1", cancellationToken);
        await using var host = new AnalysisHost(database.DataSource);
        var rows = new AnalysisRows(database.DataSource);

        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("dive", registryUrl, repository), cancellationToken);

        Assert.Equal(AnalysisSummary.Succeeded, summary.Status);
        var stored = await rows.ImageAsync(image.Digest, cancellationToken);
        Assert.NotNull(stored);
        Assert.Equal(DiveExpectation.Score([lower, middle, upper]), stored.Value.Dive, 12);
    }

    [Fact]
    public async Task RunAsync_GzipZstdAndUncompressed_StoreIdenticalResults()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-codecs") + "/app";
        var (lower, upper) = OverlayLayers();
        var images = new List<PushedImage>();
        foreach (var compression in new[] { LayerCompression.Gzip, LayerCompression.Zstd, LayerCompression.None })
        {
            images.Add(await builder.Image(repository).Compression(compression).Layer(lower).Layer(upper)
                .PushAsync(compression.ToString().ToLowerInvariant(), cancellationToken));
        }

        await using var host = new AnalysisHost(database.DataSource);
        var rows = new AnalysisRows(database.DataSource);

        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("codecs", registryUrl, repository), cancellationToken);

        Assert.Equal(AnalysisSummary.Succeeded, summary.Status);
        Assert.Equal(6, images.SelectMany(i => i.Layers).Select(l => l.Digest).Distinct().Count());
        var gzip = await rows.ImageAsync(images[0].Digest, cancellationToken);
        Assert.NotNull(gzip);
        foreach (var other in images.Skip(1))
        {
            Assert.Equal(gzip, await rows.ImageAsync(other.Digest, cancellationToken));
            Assert.Equal(
                await rows.CategoriesAsync(images[0].Digest, cancellationToken),
                await rows.CategoriesAsync(other.Digest, cancellationToken));
            for (var position = 0; position < 2; position++)
            {
                var expected = await rows.LayerAsync(images[0].Layers[position].Digest, cancellationToken);
                var actual = await rows.LayerAsync(other.Layers[position].Digest, cancellationToken);
                Assert.Equal("analysed", actual?.Status);
                Assert.Equal(expected?.TarBytes, actual?.TarBytes);
                Assert.Equal(expected?.FileBytes, actual?.FileBytes);
                Assert.Equal(expected?.Index, actual?.Index);
            }
        }
    }

    [Fact]
    public async Task RunAsync_LayerSharedByTwentyImages_DownloadsItOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-shared") + "/app";
        var shared = TestLayer.Create(l => l.FileOfSize("/usr/lib/base.so", 50_000, seed: 7));
        var images = new List<PushedImage>();
        for (var i = 0; i < 20; i++)
        {
            var own = i;
            images.Add(await builder.Image(repository).Layer(shared)
                .Layer(l => l.File("/app/version", $"build {own}")).PushAsync($"b{own}", cancellationToken));
        }

        await using var host = new AnalysisHost(database.DataSource);
        var rows = new AnalysisRows(database.DataSource);

        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("shared", registryUrl, repository), cancellationToken);

        Assert.Equal(AnalysisSummary.Succeeded, summary.Status);
        Assert.Equal(1, host.BlobGets(images[0].Layers[0].Digest));
        Assert.Equal(21, summary.Counts.LayersAnalysed);
        Assert.Equal(20, summary.Counts.ImagesAnalysed);
        foreach (var image in images)
        {
            var stored = await rows.ImageAsync(image.Digest, cancellationToken);
            Assert.Equal(shared.TarSize + image.Layers[1].UncompressedSize, stored?.Uncompressed);
        }
    }

    [Fact]
    public async Task RunAsync_BudgetBelowLargerImage_AnalysesTheSmallerAndRecordsTheSkip()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var registryUrl = TestRegistryEnvironment.RequireRegistry();
        using var builder = TestImageBuilder.For(registryUrl);
        var repository = TestImageBuilder.UniqueRepository("analysis-budget") + "/app";
        var large = await builder.Image(repository).Compression(LayerCompression.None)
            .Layer(l => l.FileOfSize("/srv/large.bin", 200_000, seed: 21)).PushAsync("large", cancellationToken);
        var small = await builder.Image(repository).Compression(LayerCompression.None)
            .Layer(l => l.FileOfSize("/srv/small.bin", 2_000, seed: 22)).PushAsync("small", cancellationToken);
        await using var host = new AnalysisHost(database.DataSource);
        var rows = new AnalysisRows(database.DataSource);
        var budget = (large.Layers[0].Size + small.Layers[0].Size) / 2;

        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("budget", registryUrl, repository), cancellationToken, budget);

        Assert.Equal(AnalysisSummary.Partial, summary.Status);
        Assert.Equal((1, 1, small.Layers[0].Size), (summary.Counts.ImagesAnalysed, summary.Counts.ImagesSkipped,
            summary.Counts.BytesRead));
        Assert.Null(await rows.LayerAsync(large.Layers[0].Digest, cancellationToken));
        Assert.Equal(0, host.BlobGets(large.Layers[0].Digest));
        Assert.NotNull(await rows.ImageAsync(small.Digest, cancellationToken));
    }

    /// <summary>
    /// A lower layer with apt caches, a file the upper layer deletes, one it replaces, and a directory it makes
    /// opaque; the upper layer also adds a file inside the opaque directory.
    /// </summary>
    private static (TestLayer Lower, TestLayer Upper) OverlayLayers()
    {
        // Every call gets its own content: the tests of this class share one database, and a layer another test
        // analysed already would not be analysed (or counted) again.
        var seedBase = Random.Shared.Next(1, 1_000_000) * 16;

        var lower = TestLayer.Create(l => l
            .FileOfSize("/var/lib/apt/lists/deb_main_Packages", AptListBytes, seed: seedBase + 1)
            .FileOfSize("/var/cache/apt/archives/gcc.deb", AptArchiveBytes, seed: seedBase + 2)
            .FileOfSize("/app/big.bin", DeletedBytes, seed: seedBase + 3)
            .FileOfSize("/app/settings.ini", ReplacedBytes, seed: seedBase + 4)
            .Directory("/opt/data")
            .FileOfSize("/opt/data/one", OpaqueFirstBytes, seed: seedBase + 5)
            .FileOfSize("/opt/data/two", OpaqueSecondBytes, seed: seedBase + 6)
            .FileOfSize("/usr/local/bin/server", ToolBytes, seed: seedBase + 8));
        var upper = TestLayer.Create(l => l
            .Whiteout("/app/big.bin")
            .FileOfSize("/app/settings.ini", ReplacementBytes, seed: seedBase + 9)
            .OpaqueDirectory("/opt/data")
            .FileOfSize("/opt/data/three", OpaqueNewBytes, seed: seedBase + 10));
        return (lower, upper);
    }
}
