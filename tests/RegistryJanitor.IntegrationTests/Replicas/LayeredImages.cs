using System.Globalization;
using System.Text;
using RegistryJanitor.Analysis;
using RegistryJanitor.IntegrationTests.Analysis;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Replicas;

/// <summary>
/// Images for the shared layer analysis tests: one base layer shared by every image, holding a package cache file
/// and an application file, under a layer of each image's own that deletes the cache file and adds a content file
/// and a pip cache file of its own. Each image then has one layer no other image has, and known figures: the
/// deleted cache file is its hidden bytes, the other three files its visible bytes.
/// </summary>
internal static class LayeredImages
{
    public const int CacheBytes = 7_000;

    public const int ApplicationBytes = 3_000;

    private const int BaseSeed = 1_000;

    /// <summary>Pushes image <paramref name="tag"/> of repository number <paramref name="repository"/>.</summary>
    public static Task<PushedImage> PushAsync(
        TestImageBuilder builder, string repositoryName, int repository, int tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var baseLayer = TestLayer.Create(l => l
            .FileOfSize("/var/cache/apt/archives/base.deb", CacheBytes, seed: BaseSeed)
            .FileOfSize("/srv/app.bin", ApplicationBytes, seed: BaseSeed + 1));
        return builder.Image(repositoryName)
            .Layer(baseLayer)
            .Layer(l => l
                .Whiteout("/var/cache/apt/archives/base.deb")
                .File("/content", Content(repository, tag))
                .FileOfSize("/root/.cache/pip/own.whl", PipBytes(repository, tag), seed: BaseSeed + 2 + repository))
            .PushAsync("v" + tag.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>The visible bytes of the image of <paramref name="repository"/> number and tag number.</summary>
    public static long VisibleBytes(int repository, int tag) =>
        ApplicationBytes + Encoding.UTF8.GetByteCount(Content(repository, tag)) + PipBytes(repository, tag);

    /// <summary>
    /// Small work items read one layer at a time, so each item takes several proxy-delayed requests and every
    /// replica is up to take some.
    /// </summary>
    public static void Configure(ReplicaCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        cluster.ExtraSettings["Replicas__LayerBatchSize"] = "3";
        cluster.ExtraSettings["Analysis__MaxParallelLayers"] = "1";
    }

    /// <summary>
    /// Scans and analyses the cluster's registry in this process, on a database of its own; returns the run's
    /// summary and every stored analysis row (see <see cref="AnalysisSnapshot"/>).
    /// </summary>
    public static async Task<(AnalysisSummary Summary, IReadOnlyList<IReadOnlyList<string>> Rows)>
        AnalyseInOneProcessAsync(ReplicaCluster cluster, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        await using var database = await TestDatabase.CreateAsync(true, cancellationToken, "single");
        await using var host = new AnalysisHost(database.DataSource);
        var summary = await host.ScanAndAnalyseAsync(
            ScannerHost.Registry("single", cluster.Registry.BaseAddress), cancellationToken);
        return (summary, await AnalysisSnapshot.TakeAsync(database.DataSource, cancellationToken));
    }

    private static string Content(int repository, int tag) =>
        string.Create(CultureInfo.InvariantCulture, $"{repository}-{tag}");

    private static int PipBytes(int repository, int tag) => 2_000 + (repository * 10) + tag;
}
