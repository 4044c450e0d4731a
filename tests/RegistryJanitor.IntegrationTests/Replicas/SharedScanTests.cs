using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Replicas;

public sealed class SharedScanTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Repositories = 36;

    private const int Tags = 2;

    [Fact]
    public async Task ScheduledScan_ThreeReplicas_ScanEveryRepositoryExactlyOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var cluster = await ReplicaCluster.SeedAsync(database.DataSource, Repositories, Tags,
            cancellationToken);
        var expectedRepositories = cluster.Pushed.Select(p => p.Repository).ToHashSet(StringComparer.Ordinal);
        await cluster.StartReplicasAsync(database.ConnectionString, 3, cancellationToken);

        var run = await cluster.WaitForFirstRunAsync(cancellationToken);
        var records = await cluster.RecordsAsync(run.Id, cancellationToken);
        var tags = await new InventoryRows(database.DataSource, ReplicaCluster.RegistryName)
            .TagsAsync(cancellationToken);
        var exitCodes = await cluster.StopAsync(cancellationToken);

        Assert.Equal("succeeded", run.Status);
        Assert.Equal((expectedRepositories.Count, expectedRepositories.Count, cluster.Pushed.Count),
            (run.Total, run.Scanned, run.TagsSeen));
        Assert.Equal(expectedRepositories, records.Select(r => r.Repository).ToHashSet(StringComparer.Ordinal));
        Assert.All(records, record => Assert.Equal((1, false), (record.Attempts, record.Failed)));
        Assert.True(records.Select(r => r.ScannedBy).Distinct().Count() > 1, "more than one replica took items");
        Assert.Equal(cluster.Pushed, tags);
        Assert.All(exitCodes, code => Assert.Equal(0, code));
    }
}
