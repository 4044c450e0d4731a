using RegistryJanitor.IntegrationTests.Analysis;
using RegistryJanitor.IntegrationTests.Support.Database;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Replicas;

public sealed class KilledAnalysisReplicaTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const int Repositories = 20;

    private const int Tags = 2;

    // The tables of results, as in SharedAnalysisTests.
    private const int ResultTables = 6;

    [Fact]
    public async Task ScheduledAnalysis_ReplicaKilledMidItem_RunCompletesWithoutDuplicateOrMissingRows()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var cluster = await ReplicaCluster.SeedAsync(database.DataSource, Repositories, Tags,
            LayeredImages.PushAsync, cancellationToken);
        var layers = cluster.PushedImages.SelectMany(image => image.Layers).Select(layer => layer.Digest)
            .ToHashSet(StringComparer.Ordinal);
        LayeredImages.Configure(cluster);

        // Items of four layers read one at a time, each read held by the proxy: stopped with two or more still to
        // read, the replica is killed part-way through its item whatever the machine's speed.
        cluster.ExtraSettings["Replicas__LayerBatchSize"] = "4";
        var rows = new SharedAnalysisRows(database.DataSource);
        await cluster.StartReplicasAsync(database.ConnectionString, 3, cancellationToken);
        var held = await rows.WaitForReplicaMidBatchAsync(ReplicaCluster.RegistryName, 2, cancellationToken);

        await cluster.ReplicaOf(held.Instance).KillAsync(cancellationToken);
        var run = await rows.WaitForFirstSharedRunAsync(ReplicaCluster.RegistryName, cancellationToken);
        var batches = await rows.BatchesAsync(run.Id, cancellationToken);
        var stored = await rows.LayersAsync(cancellationToken);
        var actual = await AnalysisSnapshot.TakeAsync(database.DataSource, cancellationToken);
        var exitCodes = await cluster.StopAsync(cancellationToken);
        var (single, expected) = await LayeredImages.AnalyseInOneProcessAsync(cluster, cancellationToken);

        Assert.Equal("succeeded", run.Status);
        Assert.Equal(layers, stored.Select(layer => layer.Digest).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(layers.Count, stored.Count);
        Assert.All(stored, layer => Assert.Equal(("analysed", (long?)run.Id), (layer.Status, layer.RunId)));
        Assert.Equal(layers.Count, batches.Sum(batch => batch.LayerDigests.Length));
        Assert.All(batches, batch => Assert.NotNull(batch.FinishedBy));
        var heldBatch = batches.Single(batch => batch.BatchNo == held.BatchNo);
        Assert.NotEqual(held.Instance, heldBatch.FinishedBy);
        Assert.InRange(heldBatch.LayersRead, 1, heldBatch.LayerDigests.Length - 1);

        // Bytes read by the attempt that was killed are not counted; every other figure is.
        Assert.Equal(single.Counts with { BytesRead = 0 }, run.Counts with { BytesRead = 0 });
        for (var table = 0; table < ResultTables; table++)
        {
            Assert.True(
                expected[table].SequenceEqual(actual[table]),
                $"{AnalysisSnapshot.Tables[table]} differs:\n{string.Join('\n', expected[table])}\n---\n"
                    + string.Join('\n', actual[table]));
        }

        Assert.Equal([0, 0], exitCodes);
    }
}
