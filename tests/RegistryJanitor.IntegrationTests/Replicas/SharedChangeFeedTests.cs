using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Storage.Inventory;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Replicas;

/// <summary>Shared scans with the change feed: the replicas' work items skip the repositories nothing named.</summary>
public sealed class SharedChangeFeedTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int Repositories = 12;

    private const int Tags = 2;

    private const string RunAfterSql = """
        SELECT r.id AS Id, r.status AS Status, r.repositories_total AS Total, r.repositories_scanned AS Scanned,
            r.repositories_unchanged AS Unchanged
        FROM scan_runs AS r
        JOIN registries AS g ON g.id = r.registry_id
        WHERE g.name = @registry AND r.started_at > @after AND r.status <> 'running'
        ORDER BY r.id
        LIMIT 1
        """;

    private const string ReadRepositoriesSql = """
        SELECT repository FROM scan_run_repositories WHERE scan_run_id = @runId AND NOT unchanged AND NOT failed
        """;

    [Fact]
    public async Task ScheduledScans_TwoReplicasWithChangeFeed_LaterRunReadsOnlyTheNotifiedRepositories()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var cluster = await ReplicaCluster.SeedAsync(database.DataSource, Repositories, Tags,
            cancellationToken);
        cluster.ExtraSettings["Registries__0__ChangeFeed"] = "Notifications";
        cluster.ExtraSettings["RegistryEvents__Enabled"] = "true";
        cluster.ExtraSettings["RegistryEvents__Authorization"] = "Bearer shared-change-feed-test";
        var repositories = cluster.Pushed.Select(p => p.Repository).Distinct().Order(StringComparer.Ordinal).ToList();
        string[] notified = [repositories[1], repositories[^2]];
        await cluster.StartReplicasAsync(database.ConnectionString, 2, cancellationToken);

        var first = await cluster.WaitForFirstRunAsync(cancellationToken);
        var recordedAt = TimeProvider.System.GetUtcNow();
        await new RepositoryChangeStore(database.DataSource).RecordChangesAsync(
            ReplicaCluster.RegistryName, notified.ToDictionary(name => name, _ => 1), recordedAt, cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        (long Id, string Status, int Total, int Scanned, int Unchanged)? later = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var parameters = new { registry = ReplicaCluster.RegistryName, after = recordedAt };
                later = await connection.QuerySingleOrDefaultAsync<(long, string, int, int, int)?>(
                    new CommandDefinition(RunAfterSql, parameters, cancellationToken: cancellationToken));
                return later is not null;
            },
            "a shared run started after the notifications has closed", ReplicaCluster.Limit, cancellationToken);
        var read = (await connection.QueryAsync<string>(new CommandDefinition(
            ReadRepositoriesSql, new { runId = later!.Value.Id }, cancellationToken: cancellationToken))).ToHashSet();
        var exitCodes = await cluster.StopAsync(cancellationToken);

        Assert.Equal(("succeeded", Repositories, Repositories), (first.Status, first.Total, first.Scanned));
        Assert.Equal(("succeeded", Repositories, notified.Length, Repositories - notified.Length),
            (later.Value.Status, later.Value.Total, later.Value.Scanned, later.Value.Unchanged));
        Assert.Equal(notified.ToHashSet(), read);
        Assert.All(exitCodes, code => Assert.Equal(0, code));
    }
}
