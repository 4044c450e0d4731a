using System.Net;
using Npgsql;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Network;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

public sealed class ReadinessTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Ready_PostgresDownThenUp_Answers503Then200AndFollowsLaterOutages()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(target.Host!, target.Port, enabled: false);
        var throughProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1",
            Port = proxy.Port,
            Timeout = 3,
        };
        using var endpoint = new ServiceEndpoint(FreePort.Next());
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = throughProxy.ConnectionString,
            ["Service__Urls"] = endpoint.Url,
            ["Service__StartupRetryInterval"] = "00:00:00.500",
            ["Service__HealthCheckTimeout"] = "00:00:03",
            ["Service__ShutdownGracePeriod"] = "00:00:05",
        };
        await using var service = ProductProcess.Start(["run"], environment);
        await Eventually.HoldsAsync(
            async () => await endpoint.GetStatusAsync("/health/live", cancellationToken) == HttpStatusCode.OK,
            "the service answers /health/live", Limit, cancellationToken);

        var whileDown = await endpoint.GetStatusAsync("/health/ready", cancellationToken);
        var healthcheckWhileDown = await RunHealthCheckAsync(endpoint, cancellationToken);
        proxy.Enable();
        await Eventually.HoldsAsync(
            async () => await endpoint.GetStatusAsync("/health/ready", cancellationToken) == HttpStatusCode.OK,
            "/health/ready answers 200 once PostgreSQL is reachable", Limit, cancellationToken);
        var healthcheckWhileUp = await RunHealthCheckAsync(endpoint, cancellationToken);
        proxy.Disable();
        await Eventually.HoldsAsync(
            async () => await endpoint.GetStatusAsync("/health/ready", cancellationToken)
                == HttpStatusCode.ServiceUnavailable,
            "/health/ready answers 503 again after PostgreSQL went away", Limit, cancellationToken);
        await service.TerminateAsync(cancellationToken);
        var exitCode = await service.WaitForExitAsync(cancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown);
        Assert.Equal(1, healthcheckWhileDown);
        Assert.Equal(0, healthcheckWhileUp);
        Assert.True(exitCode == 0, $"exit code {exitCode} after SIGTERM; stderr: {service.StandardError}");
    }

    [Fact]
    public async Task Metrics_RunningService_ServesPrometheusTextWithJobMetrics()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        using var endpoint = new ServiceEndpoint(FreePort.Next());
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Service__Urls"] = endpoint.Url,
            ["Service__ShutdownGracePeriod"] = "00:00:05",

            // Fires every second, so the job counters have something to count.
            ["Scheduler__JobHistoryCleanupSchedule"] = "* * * * * ?",
        };
        await using var service = ProductProcess.Start(["run"], environment);
        await Eventually.HoldsAsync(
            async () => (await endpoint.GetStatusAsync("/metrics", cancellationToken) == HttpStatusCode.OK)
                        && (await endpoint.GetStringAsync("/metrics", cancellationToken))
                        .Contains("registryjanitor_job_runs", StringComparison.Ordinal),
            "/metrics lists the job run counter", Limit, cancellationToken);

        var metrics = await endpoint.GetStringAsync("/metrics", cancellationToken);
        await service.TerminateAsync(cancellationToken);
        var exitCode = await service.WaitForExitAsync(cancellationToken);

        Assert.Contains("# TYPE registryjanitor_job_runs", metrics, StringComparison.Ordinal);
        Assert.Contains("outcome=\"succeeded\"", metrics, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
    }

    private static async Task<int> RunHealthCheckAsync(ServiceEndpoint endpoint, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = "Host=127.0.0.1;Port=1;Database=unused",
            ["Service__Urls"] = endpoint.Url,
        };
        var result = await ProductProcess.RunAsync(["healthcheck"], environment, cancellationToken);
        return result.ExitCode;
    }
}
