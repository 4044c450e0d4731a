using System.Diagnostics;
using Npgsql;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// <c>rollup</c>: the whole daily cost computation over a synthetic database of 100,000 manifests and 1,000,000
/// manifest-layer rows. Needs <c>REGISTRYJANITOR_TEST_POSTGRES</c> (a server where it may CREATE DATABASE).
/// Options: <c>--manifests N</c> (default 100000), <c>--repositories N</c> (default 1000).
/// </summary>
internal static class RollupBenchmark
{
    private const string BaselineSql = """
        SELECT count(*), sum(b.size_bytes)
        FROM manifest_blobs AS mb
        JOIN blobs AS b ON b.id = mb.blob_id
        """;

    private const string TempBytesSql = """
        SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()
        """;

    public static int Run(string[] args, TextWriter output)
    {
        var server = Environment.GetEnvironmentVariable("REGISTRYJANITOR_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            output.WriteLine(
                "rollup: set REGISTRYJANITOR_TEST_POSTGRES to a server where the benchmark may CREATE DATABASE");
            return 2;
        }

        var manifests = Option(args, "--manifests", 100_000);
        var repositories = Option(args, "--repositories", 1_000);
        return RunAsync(server, manifests, repositories, output, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(
        string server, int manifests, int repositories, TextWriter output, CancellationToken cancellationToken)
    {
        var name = "rj_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnServerAsync(server, "CREATE DATABASE " + name, cancellationToken);
        try
        {
            // One pooled connection, so every statement runs in the one backend whose CPU time is read.
            var connectionString = new NpgsqlConnectionStringBuilder(server)
            {
                Database = name,
                CommandTimeout = 600,
                MaxPoolSize = 1,
            }.ConnectionString;
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var inventory = new SyntheticInventory(manifests, repositories);
            var (registryId, load) = await SyntheticDatabase.MigrateAndLoadAsync(
                dataSource, inventory, cancellationToken);
            var cpu = await ServerCpuClock.ForAsync(dataSource, cancellationToken);
            var cpuBeforeBaseline = cpu?.Read();
            var baseline = await TimeAsync(dataSource, BaselineSql, cancellationToken);
            var baselineCpu = cpu?.Read() - cpuBeforeBaseline;
            if (Environment.GetEnvironmentVariable("ROLLUP_PROFILE") == "1")
            {
                await RollupProfiler.ProfileAsync(dataSource, registryId, output, cancellationToken);
            }

            var tempBefore = await ScalarAsync(dataSource, TempBytesSql, cancellationToken);
            var pricing = BenchmarkPricing();
            var computation = new DailyCostComputation(dataSource);
            var request = new DailyCostRequest(
                registryId, "bench", new DateOnly(2026, 2, 10), pricing, DateTimeOffset.UnixEpoch);

            var cpuBeforeFirst = cpu?.Read();
            var first = Stopwatch.StartNew();
            var result = await computation.ComputeAsync(request, cancellationToken);
            first.Stop();
            var firstCpu = cpu?.Read() - cpuBeforeFirst;
            var second = Stopwatch.StartNew();
            await computation.ComputeAsync(request, cancellationToken);
            second.Stop();
            var tempAfter = await ScalarAsync(dataSource, TempBytesSql, cancellationToken);
            var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

            output.WriteLine($"rollup: {manifests:N0} manifests, {inventory.ManifestBlobRows:N0} manifest-blob rows, " +
                             $"{repositories:N0} repositories (bulk load {load.TotalSeconds:F1} s)");
            output.WriteLine($"stored {result.StoredBytes:N0} bytes, logical {result.LogicalBytes:N0} bytes");
            output.WriteLine();
            output.WriteLine("| Measure | Value |");
            output.WriteLine("|---|---|");
            output.WriteLine($"| Baseline: one scan of manifest_blobs ⋈ blobs | {baseline.TotalSeconds:F2} s |");
            output.WriteLine($"| Daily computation, first run | {first.Elapsed.TotalSeconds:F2} s " +
                             $"({first.Elapsed / baseline:F1}× baseline) |");
            output.WriteLine($"| Daily computation, re-run of the same day | {second.Elapsed.TotalSeconds:F2} s " +
                             $"({second.Elapsed / baseline:F1}× baseline) |");
            if (baselineCpu is { } baseCpu && firstCpu is { } runCpu && baseCpu > TimeSpan.Zero)
            {
                output.WriteLine($"| PostgreSQL backend CPU: baseline | {baseCpu.TotalSeconds:F2} s |");
                output.WriteLine($"| PostgreSQL backend CPU: daily computation, first run | " +
                                 $"{runCpu.TotalSeconds:F2} s ({runCpu / baseCpu:F1}× baseline) |");
            }

            output.WriteLine($"| Peak working set of the benchmark process | {peakMiB:F0} MiB |");
            output.WriteLine($"| PostgreSQL temporary files written by both runs | " +
                             $"{(tempAfter - tempBefore) / (1024.0 * 1024.0):F0} MiB |");
            output.WriteLine($"| Target | < 10 s: {(first.Elapsed.TotalSeconds < 10 ? "met" : "missed")} |");
            return 0;
        }
        finally
        {
            await ExecuteOnServerAsync(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", cancellationToken);
        }
    }

    internal static PricingOptions BenchmarkPricing()
    {
        var pricing = new PricingOptions();
        pricing.Profiles["generic"] = new PricingProfileOptions
        {
            Source = "benchmark",
            StoragePricePerGbMonth = 0.10m,
            EgressInternetPerGb = 0.09m,
        };
        pricing.PullAssumptions.Add(
            new PullAssumptionOptions { Pattern = "team1*/**", DeploysPerMonth = 30, Replicas = 3 });
        pricing.Allocation.PrefixRules.Add(new TeamPrefixRule { Prefix = "team2", Team = "two" });
        return pricing;
    }

    private static async Task<TimeSpan> TimeAsync(
        NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        var watch = Stopwatch.StartNew();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
            }
        }

        return watch.Elapsed;
    }

    private static async Task<long> ScalarAsync(
        NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    internal static async Task ExecuteOnServerAsync(string server, string sql, CancellationToken cancellationToken)
    {
        // The database name is built above from hex digits only; identifiers cannot be parameters.
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal static string MigrationsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
             directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RegistryJanitor.sln")))
            {
                return Path.Combine(directory.FullName, "migrations");
            }
        }

        throw new InvalidOperationException("RegistryJanitor.sln not found above " + AppContext.BaseDirectory);
    }

    internal static int Option(string[] args, string name, int defaultValue)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value)
            ? value
            : defaultValue;
    }
}
