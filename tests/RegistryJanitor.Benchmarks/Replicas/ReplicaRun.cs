using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.Benchmarks.Replicas;

/// <summary>
/// One measurement: a fresh database, N <c>run</c> replicas whose schedule fires once every replica is ready, the
/// first shared scan of the registry behind the delaying proxy, then SIGTERM to every replica.
/// </summary>
internal sealed class ReplicaRun(string postgres, DelayingProxy proxy, string prefix, ReplicaBenchmarkSettings settings)
{
    public const string RegistryName = "bench";

    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(15);

    private const string FirstRunSql = """
        SELECT r.status, r.started_at, r.finished_at, r.repositories_scanned, r.tags_seen
        FROM scan_runs AS r
        JOIN registries AS g ON g.id = r.registry_id
        WHERE g.name = @name
        ORDER BY r.id
        LIMIT 1
        """;

    private const string ReplicasThatScannedSql = """
        SELECT count(DISTINCT scanned_by) FROM scan_run_repositories
        """;

    public async Task<ReplicaRunResult> MeasureAsync(int replicaCount, CancellationToken cancellationToken)
    {
        var database = "rj_replicas_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(postgres, $"CREATE DATABASE {database}", cancellationToken);
        var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        var replicas = new List<ReplicaProcess>();
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var migrations = new MigrationOptions { Path = Path.Combine(AppContext.BaseDirectory, "migrations") };
            await new MigrationRunner(
                    dataSource, Microsoft.Extensions.Options.Options.Create(migrations),
                    NullLogger<MigrationRunner>.Instance)
                .MigrateAsync(cancellationToken);

            var fireAt = NextWholeSecond(TimeProvider.System.GetLocalNow() + settings.Startup);
            var environment = Environment(connectionString, fireAt);
            for (var i = 0; i < replicaCount; i++)
            {
                replicas.Add(ReplicaProcess.Start(FreePort(), environment));
            }

            await WaitUntilReadyAsync(replicas, fireAt, cancellationToken);
            var requestsBefore = proxy.Requests;
            var result = await WaitForFirstRunAsync(dataSource, replicaCount, cancellationToken);
            return result with { Requests = proxy.Requests - requestsBefore };
        }
        finally
        {
            await Task.WhenAll(replicas.Select(replica => replica.StopAsync(TimeSpan.FromSeconds(30))));
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
        }
    }

    // The schedule names one second of the day: every replica has its trigger, and the first to fire opens the run.
    private Dictionary<string, string> Environment(string connectionString, DateTimeOffset fireAt) => new()
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Service__ShutdownGracePeriod"] = "00:00:20",
        ["Scheduler__MaxConcurrentJobs"] = "2",
        ["Replicas__BatchSize"] = ReplicaBenchmarkSettings.BatchSize.ToString(CultureInfo.InvariantCulture),
        ["Registries__0__Name"] = RegistryName,
        ["Registries__0__Url"] = proxy.BaseAddress.AbsoluteUri,
        ["Registries__0__Include__0"] = prefix + "/**",
        ["Registries__0__MaxConcurrency"] =
            ReplicaBenchmarkSettings.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
        ["Registries__0__Schedule"] = string.Create(
            CultureInfo.InvariantCulture, $"{fireAt.Second} {fireAt.Minute} {fireAt.Hour} * * ?"),
    };

    private static async Task WaitUntilReadyAsync(
        List<ReplicaProcess> replicas, DateTimeOffset fireAt, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var replica in replicas)
        {
            while (!await IsReadyAsync(http, replica, cancellationToken))
            {
                if (replica.HasExited || TimeProvider.System.GetLocalNow() >= fireAt)
                {
                    throw new InvalidOperationException(
                        $"replica {replica.Url} was not ready before the scheduled scan; give a longer "
                        + "STARTUP_SECONDS argument. Its output:\n" + replica.Tail);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }
    }

    private static async Task<bool> IsReadyAsync(
        HttpClient http, ReplicaProcess replica, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(replica.Url, "/health/ready"), cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<ReplicaRunResult> WaitForFirstRunAsync(
        NpgsqlDataSource dataSource, int replicaCount, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + RunLimit;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            await using (var command = dataSource.CreateCommand(FirstRunSql))
            {
                command.Parameters.AddWithValue("name", RegistryName);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken) && reader.GetString(0) != "running")
                {
                    var elapsed = reader.GetFieldValue<DateTimeOffset>(2) - reader.GetFieldValue<DateTimeOffset>(1);
                    var result = new ReplicaRunResult(
                        replicaCount, reader.GetString(0), reader.GetInt32(3), reader.GetInt32(4), elapsed, 0, 0);
                    await reader.DisposeAsync();
                    await using var spread = dataSource.CreateCommand(ReplicasThatScannedSql);
                    var scannedBy = Convert.ToInt32(
                        await spread.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                    return result with { ReplicasThatScanned = scannedBy };
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }

        throw new TimeoutException($"the shared scan with {replicaCount} replicas did not close within {RunLimit}");
    }

    private static DateTimeOffset NextWholeSecond(DateTimeOffset time) =>
        new DateTimeOffset(time.Year, time.Month, time.Day, time.Hour, time.Minute, time.Second, time.Offset)
            .AddSeconds(1);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
