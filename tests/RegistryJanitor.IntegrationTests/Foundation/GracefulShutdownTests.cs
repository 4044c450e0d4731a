using Dapper;
using RegistryJanitor.IntegrationTests.Replicas;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

public sealed class GracefulShutdownTests
{
    private const int Repositories = 12;

    private const string RunSql = """
        SELECT r.id AS Id, r.status AS Status, r.repositories_total AS Total,
            r.repositories_scanned AS Scanned, r.tags_seen AS TagsSeen
        FROM scan_runs AS r
        JOIN registries AS g ON g.id = r.registry_id
        WHERE g.name = @registry
        ORDER BY r.id
        """;

    private const string TagCountSql = """
        SELECT count(*)
        FROM tags AS t
        JOIN repositories AS r ON r.id = t.repository_id
        JOIN registries AS g ON g.id = r.registry_id
        WHERE g.name = @registry
        """;

    private const string ScanJobOutcomesSql = """
        SELECT outcome
        FROM job_runs
        WHERE job_group = 'scanner' AND job_name = @jobName
        ORDER BY started_at
        """;

    [Fact]
    public async Task Run_SigtermWhileScanRunsWithinGracePeriod_FinishesTheScanThenExitsZero()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: true, cancellationToken);
        await using var cluster = await ReplicaCluster.SeedAsync(
            database.DataSource, Repositories, tags: 1, cancellationToken);
        var registry = new { registry = ReplicaCluster.RegistryName };

        // One repository at a time through the delaying proxy: each takes several held requests, so with one
        // repository stored and eleven to go the scan still has seconds of work when SIGTERM arrives, well
        // within a grace period of a minute. BatchSize 0 keeps the whole scan inside the job that fired.
        cluster.ShutdownGracePeriod = TimeSpan.FromMinutes(1);
        cluster.ExtraSettings["Scanner__RepositoryConcurrency"] = "1";
        cluster.ExtraSettings["Replicas__BatchSize"] = "0";
        await cluster.StartReplicasAsync(database.ConnectionString, 1, cancellationToken);
        var service = cluster.Replicas[0];
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await Eventually.HoldsAsync(
            async () => await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(TagCountSql, registry, cancellationToken: cancellationToken)) >= 1,
            "the scan has stored its first repository", ReplicaCluster.Limit, cancellationToken);

        await service.TerminateAsync(cancellationToken);
        var runsAfterSigterm = await RunsAsync(connection, cancellationToken);
        var tagsAfterSigterm = await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(TagCountSql, registry, cancellationToken: cancellationToken));
        var exitCode = await service.WaitForExitAsync(cancellationToken);
        var runsAtExit = await RunsAsync(connection, cancellationToken);
        var tags = await new InventoryRows(database.DataSource, ReplicaCluster.RegistryName)
            .TagsAsync(cancellationToken);
        var jobOutcomes = await connection.QueryAsync<string>(new CommandDefinition(
            ScanJobOutcomesSql, new { jobName = "scan-" + ReplicaCluster.RegistryName },
            cancellationToken: cancellationToken));

        Assert.Equal("running", Assert.Single(runsAfterSigterm).Status);
        Assert.InRange(tagsAfterSigterm, 1, Repositories - 1);
        Assert.True(exitCode == 0, $"exit code {exitCode}; stdout: {service.StandardOutput}");
        var run = Assert.Single(runsAtExit);
        Assert.Equal(runsAfterSigterm[0].Id, run.Id);
        Assert.Equal("succeeded", run.Status);
        Assert.Equal((Repositories, Repositories, Repositories), (run.Total, run.Scanned, run.TagsSeen));
        Assert.Equal(cluster.Pushed, tags);
        Assert.Equal(["succeeded"], jobOutcomes);
        Assert.Contains("waiting up to 00:01:00 for 1 running jobs", service.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Grace period over", service.StandardOutput, StringComparison.Ordinal);
    }

    private static async Task<List<ScanRunRow>> RunsAsync(
        Npgsql.NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ScanRunRow>(new CommandDefinition(
            RunSql, new { registry = ReplicaCluster.RegistryName }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
