using System.Net;
using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Network;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

public sealed class ClusteredSchedulerTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const int FiresToObserve = 6;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(120);

    private const string NodesSql = """
        SELECT count(*) FROM qrtz_scheduler_state
        """;

    private const string RunsSinceSql = """
        SELECT scheduled_at AS ScheduledAt, scheduler_instance AS SchedulerInstance
        FROM job_runs
        WHERE job_name = 'job-history-cleanup' AND scheduled_at > @since
        """;

    private const string ServerTimeSql = """
        SELECT now()
        """;

    [Fact]
    public async Task Scheduler_TwoHostsOnOneDatabase_FireEachTriggerOccurrenceOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var first = new ServiceEndpoint(FreePort.Next());
        using var second = new ServiceEndpoint(FreePort.Next());
        await using var firstHost = ProductProcess.Start(["run"], Environment(first));
        await using var secondHost = ProductProcess.Start(["run"], Environment(second));
        await WaitUntilReadyAsync(first, cancellationToken);
        await WaitUntilReadyAsync(second, cancellationToken);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await Eventually.HoldsAsync(
            async () => await connection.ExecuteScalarAsync<long>(
                new CommandDefinition(NodesSql, cancellationToken: cancellationToken)) == 2,
            "both hosts have joined the cluster", Limit, cancellationToken);
        var since = await connection.ExecuteScalarAsync<DateTime>(
            new CommandDefinition(ServerTimeSql, cancellationToken: cancellationToken));

        // The trigger fires every two seconds on whichever node acquires it; wait for several occurrences.
        IReadOnlyList<JobRun> runs = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                runs = (await connection.QueryAsync<JobRun>(new CommandDefinition(
                    RunsSinceSql, new { since }, cancellationToken: cancellationToken))).ToList();
                return runs.Select(run => run.ScheduledAt).Distinct().Count() >= FiresToObserve;
            },
            $"{FiresToObserve} occurrences of the trigger have fired", Limit, cancellationToken);
        await firstHost.TerminateAsync(cancellationToken);
        await secondHost.TerminateAsync(cancellationToken);
        var exitCodes = new[]
        {
            await firstHost.WaitForExitAsync(cancellationToken),
            await secondHost.WaitForExitAsync(cancellationToken),
        };

        var occurrences = runs.GroupBy(run => run.ScheduledAt).ToList();
        Assert.All(occurrences, occurrence => Assert.Single(occurrence));
        Assert.Equal([0, 0], exitCodes);
    }

    private Dictionary<string, string?> Environment(ServiceEndpoint endpoint) => new()
    {
        ["ConnectionStrings__Postgres"] = database.ConnectionString,
        ["Service__Urls"] = endpoint.Url,
        ["Service__ShutdownGracePeriod"] = "00:00:05",
        ["Scheduler__JobHistoryCleanupSchedule"] = "0/2 * * * * ?",
        ["Scheduler__ClusterCheckinInterval"] = "00:00:02",
    };

    private static Task WaitUntilReadyAsync(ServiceEndpoint endpoint, CancellationToken cancellationToken) =>
        Eventually.HoldsAsync(
            async () => await endpoint.GetStatusAsync("/health/ready", cancellationToken) == HttpStatusCode.OK,
            $"{endpoint.Url} is ready", Limit, cancellationToken);

    private sealed record JobRun(DateTime ScheduledAt, string SchedulerInstance);
}
