using RegistryJanitor.IntegrationTests.Analysis;
using RegistryJanitor.IntegrationTests.Support.Database;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Replicas;

public sealed class SharedAnalysisTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Repositories = 12;

    private const int Tags = 2;

    // layer_analyses, layer_category_totals, image_analyses, image_category_totals, image_secret_findings,
    // image_packages: every table of results (the run tables differ, as the cluster runs several analyses).
    private const int ResultTables = 6;

    [Fact]
    public async Task ScheduledAnalysis_ThreeReplicas_ReadEveryLayerOnceAndStoreWhatOneProcessStores()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var cluster = await ReplicaCluster.SeedAsync(database.DataSource, Repositories, Tags,
            LayeredImages.PushAsync, cancellationToken);
        var layers = cluster.PushedImages.SelectMany(image => image.Layers).Select(layer => layer.Digest)
            .ToHashSet(StringComparer.Ordinal);
        LayeredImages.Configure(cluster);
        var rows = new SharedAnalysisRows(database.DataSource);
        var images = new AnalysisRows(database.DataSource);
        await cluster.StartReplicasAsync(database.ConnectionString, 3, cancellationToken);

        var run = await rows.WaitForFirstSharedRunAsync(ReplicaCluster.RegistryName, cancellationToken);
        var batches = await rows.BatchesAsync(run.Id, cancellationToken);
        var stored = await rows.LayersAsync(cancellationToken);
        var ranking = await rows.WaitForRankingAfterAsync(run.Id, cancellationToken);
        var actual = await AnalysisSnapshot.TakeAsync(database.DataSource, cancellationToken);
        var figures = new List<(long Hidden, int HiddenFiles, long Visible, long ExpectedVisible)>();
        for (var r = 0; r < Repositories; r++)
        {
            for (var t = 0; t < Tags; t++)
            {
                var image = cluster.PushedImages[(r * Tags) + t];
                var figure = await images.ImageAsync(image.Digest, cancellationToken);
                Assert.NotNull(figure);
                figures.Add((figure.Value.Hidden, figure.Value.HiddenFiles, figure.Value.Visible,
                    LayeredImages.VisibleBytes(r, t)));
            }
        }

        var exitCodes = await cluster.StopAsync(cancellationToken);
        var rankingQueued = cluster.Replicas.Sum(replica => Occurrences(replica.StandardOutput,
            $"Ranking queued after layer analysis job analyze-{ReplicaCluster.RegistryName}-{run.Id}-"));
        var (single, expected) = await LayeredImages.AnalyseInOneProcessAsync(cluster, cancellationToken);

        Assert.Equal("succeeded", run.Status);
        Assert.Equal(layers, stored.Select(layer => layer.Digest).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(layers.Count, stored.Count);
        Assert.All(stored, layer => Assert.Equal(("analysed", (long?)run.Id), (layer.Status, layer.RunId)));
        Assert.Equal(layers, batches.SelectMany(b => b.LayerDigests).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(layers.Count, batches.Sum(batch => batch.LayerDigests.Length));
        Assert.Equal(layers.Count, batches.Sum(batch => batch.LayersRead));
        Assert.True(batches.Count > 3, $"{batches.Count} work items");
        Assert.All(batches, batch => Assert.NotNull(batch.FinishedBy));
        Assert.True(batches.Select(batch => batch.FinishedBy).Distinct().Count() > 1,
            "more than one replica took analysis work items");
        Assert.All(figures, figure => Assert.Equal(
            (LayeredImages.CacheBytes, 1, figure.ExpectedVisible),
            (figure.Hidden, figure.HiddenFiles, figure.Visible)));
        Assert.Equal(single.Counts, run.Counts);
        for (var table = 0; table < ResultTables; table++)
        {
            Assert.True(
                expected[table].SequenceEqual(actual[table]),
                $"{AnalysisSnapshot.Tables[table]} differs:\n{string.Join('\n', expected[table])}\n---\n"
                    + string.Join('\n', actual[table]));
        }

        Assert.Equal(0, ranking.Before);
        Assert.Equal(1, rankingQueued);
        Assert.All(exitCodes, code => Assert.Equal(0, code));
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0;
            at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
