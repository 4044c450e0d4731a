using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Replicas;

public sealed class ReleasedItemTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Repositories = 30;

    private const int Tags = 2;

    [Fact]
    public async Task ScheduledScan_ReplicaStoppedWithSigtermMidItem_ReleasesItAndAnotherReplicaFinishes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var cluster = await ReplicaCluster.SeedAsync(database.DataSource, Repositories, Tags,
            cancellationToken);
        var expectedRepositories = cluster.Pushed.Select(p => p.Repository).ToHashSet(StringComparer.Ordinal);
        // Repositories of an item one after another, each taking several proxy-delayed requests (at least 0.75 s
        // whatever the machine's speed): stopped with three or more still to go, the replica cannot finish the
        // item within a one-second grace period and must release it.
        cluster.ShutdownGracePeriod = TimeSpan.FromSeconds(1);
        cluster.ExtraSettings["Scanner__RepositoryConcurrency"] = "1";
        cluster.ExtraSettings["Replicas__BatchSize"] = "6";
        await cluster.StartReplicasAsync(database.ConnectionString, 2, cancellationToken);
        var stopped = await cluster.WaitForReplicaMidItemAsync(3, cancellationToken);

        await stopped.TerminateAsync(cancellationToken);
        var stoppedExitCode = await stopped.WaitForExitAsync(cancellationToken);
        var run = await cluster.WaitForFirstRunAsync(cancellationToken);
        var records = await cluster.RecordsAsync(run.Id, cancellationToken);
        var tags = await new InventoryRows(database.DataSource, ReplicaCluster.RegistryName)
            .TagsAsync(cancellationToken);
        var exitCodes = await cluster.StopAsync(cancellationToken);

        Assert.Equal(0, stoppedExitCode);
        Assert.Contains("released at shutdown", stopped.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("succeeded", run.Status);
        Assert.Equal((expectedRepositories.Count, expectedRepositories.Count), (run.Total, run.Scanned));
        Assert.Equal(expectedRepositories, records.Select(r => r.Repository).ToHashSet(StringComparer.Ordinal));
        Assert.All(records, record => Assert.False(record.Failed));
        Assert.Equal(cluster.Pushed, tags);
        Assert.Equal([0], exitCodes);
    }
}
