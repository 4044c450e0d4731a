using RegistryJanitor.IntegrationTests.Support.Database;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Replicas;

public sealed class ReleasedAnalysisItemTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const int Repositories = 20;

    private const int Tags = 2;

    [Fact]
    public async Task ScheduledAnalysis_ReplicaStoppedWithSigtermMidItem_ReleasesItAndAnotherReplicaFinishes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var cluster = await ReplicaCluster.SeedAsync(database.DataSource, Repositories, Tags,
            LayeredImages.PushAsync, cancellationToken);
        var layers = cluster.PushedImages.SelectMany(image => image.Layers).Select(layer => layer.Digest)
            .ToHashSet(StringComparer.Ordinal);
        LayeredImages.Configure(cluster);

        // Items of ten layers read one at a time, each read held by the proxy for at least 0.15 s: stopped with eight
        // or more still to read, the replica cannot finish its item within a one-second grace period and must
        // release it.
        cluster.ShutdownGracePeriod = TimeSpan.FromSeconds(1);
        cluster.ExtraSettings["Replicas__LayerBatchSize"] = "10";
        var rows = new SharedAnalysisRows(database.DataSource);
        await cluster.StartReplicasAsync(database.ConnectionString, 2, cancellationToken);
        var held = await rows.WaitForReplicaMidBatchAsync(ReplicaCluster.RegistryName, 8, cancellationToken);
        var stopped = cluster.ReplicaOf(held.Instance);

        await stopped.TerminateAsync(cancellationToken);
        var stoppedExitCode = await stopped.WaitForExitAsync(cancellationToken);
        var run = await rows.WaitForFirstSharedRunAsync(ReplicaCluster.RegistryName, cancellationToken);
        var batches = await rows.BatchesAsync(run.Id, cancellationToken);
        var stored = await rows.LayersAsync(cancellationToken);
        var exitCodes = await cluster.StopAsync(cancellationToken);

        Assert.Equal(0, stoppedExitCode);
        Assert.Contains($"Analysis work item {held.BatchNo} of run {run.Id} released at shutdown",
            stopped.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("succeeded", run.Status);
        Assert.Equal(layers, stored.Select(layer => layer.Digest).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(layers.Count, stored.Count);
        Assert.All(stored, layer => Assert.Equal(("analysed", (long?)run.Id), (layer.Status, layer.RunId)));
        var heldBatch = batches.Single(batch => batch.BatchNo == held.BatchNo);
        Assert.NotEqual(held.Instance, heldBatch.FinishedBy);
        Assert.InRange(heldBatch.LayersRead, 1, heldBatch.LayerDigests.Length - 1);
        Assert.Equal([0], exitCodes);
    }
}
