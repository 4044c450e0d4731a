using Dapper;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Replicas;

public sealed class KilledReplicaTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Repositories = 60;

    private const int Tags = 2;

    private const string DuplicatesSql = """
        SELECT (SELECT count(*) FROM tag_history WHERE change = 'added') AS Added,
            (SELECT count(*) FROM manifests) AS Manifests,
            (SELECT count(DISTINCT digest) FROM manifests) AS DistinctManifests,
            (SELECT count(*) FROM repositories) AS Repositories
        """;

    [Fact]
    public async Task ScheduledScan_ReplicaKilledMidRun_RunCompletesWithoutDuplicateOrMissingRows()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var cluster = await ReplicaCluster.SeedAsync(database.DataSource, Repositories, Tags,
            cancellationToken);
        var expectedRepositories = cluster.Pushed.Select(p => p.Repository).ToHashSet(StringComparer.Ordinal);
        await cluster.StartReplicasAsync(database.ConnectionString, 3, cancellationToken);
        await cluster.WaitForRecordsAsync(Repositories / 6, cancellationToken);

        await cluster.Replicas[0].KillAsync(cancellationToken);
        var run = await cluster.WaitForFirstRunAsync(cancellationToken);
        var records = await cluster.RecordsAsync(run.Id, cancellationToken);
        var tags = await new InventoryRows(database.DataSource, ReplicaCluster.RegistryName)
            .TagsAsync(cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<(long Added, long Manifests, long Distinct, long Repos)>(
            new CommandDefinition(DuplicatesSql, cancellationToken: cancellationToken));
        var exitCodes = await cluster.StopAsync(cancellationToken);

        Assert.Equal("succeeded", run.Status);
        Assert.Equal((expectedRepositories.Count, expectedRepositories.Count), (run.Total, run.Scanned));
        Assert.Equal(expectedRepositories, records.Select(r => r.Repository).ToHashSet(StringComparer.Ordinal));
        Assert.All(records, record => Assert.False(record.Failed));
        Assert.Equal(cluster.Pushed, tags);
        Assert.Equal((cluster.Pushed.Count, cluster.Pushed.Count, cluster.Pushed.Count, expectedRepositories.Count),
            ((int)counts.Added, (int)counts.Manifests, (int)counts.Distinct, (int)counts.Repos));
        Assert.Equal([0, 0], exitCodes);
    }
}
