using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Scanning;
using RegistryJanitor.Storage.Inventory;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>
/// <c>scan</c>: seeds REPOSITORIES × TAGS small images into the registry of REGISTRYJANITOR_TEST_REGISTRY, then
/// measures in one run: plain concurrent GETs of every manifest URL (the baseline), the same URLs read twice each
/// (the ceiling of two requests per manifest), the plain request floors of a first scan (manifest and config GETs)
/// and of a re-scan (conditional HEADs), a first scan into a fresh database, a re-scan, and re-scans with the
/// notifications change feed (one that reads every tag to start the feed, then one with 1 % of the repositories
/// notified); prints a Markdown table with wall and CPU times.
/// </summary>
/// <remarks>
/// The notified repositories' events are recorded through the store the events receiver writes to, not posted by
/// the registry: the registry's delivery is covered by the integration tests, and here it would only add a wait.
/// </remarks>
internal static class ScanBenchmark
{
    private const int Concurrency = 8;

    public static int Run(string[] args, TextWriter output) => RunAsync(args, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var repositories = args.Length > 0 ? int.Parse(args[0]) : 200;
        var tags = args.Length > 1 ? int.Parse(args[1]) : 50;
        var registryUrl = new Uri(Environment.GetEnvironmentVariable("REGISTRYJANITOR_TEST_REGISTRY")
            ?? throw new InvalidOperationException(
                "REGISTRYJANITOR_TEST_REGISTRY is not set; run deploy/benchmark.sh scan"));
        var postgres = Environment.GetEnvironmentVariable("REGISTRYJANITOR_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "REGISTRYJANITOR_TEST_POSTGRES is not set; run deploy/benchmark.sh scan");
        var cancellationToken = CancellationToken.None;
        var prefix = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var loadBefore = LoadAverage();

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = registryUrl,
        };
        var seedWatch = Stopwatch.StartNew();
        var seeded = await new BenchmarkSeeder(http).SeedAsync(prefix, repositories, tags, 32, cancellationToken);
        await output.WriteLineAsync(
            $"seeded {seeded.Count} tags in {repositories} repositories in {seedWatch.Elapsed.TotalSeconds:F1} s");

        var reference = new ReferenceRequests(registryUrl, seeded, Concurrency);
        var baseline = await reference.ManifestGetsAsync(cancellationToken);
        var twoRequestCeiling = await reference.TwoManifestGetsAsync(cancellationToken);
        var firstFloor = await reference.ManifestAndConfigGetsAsync(cancellationToken);
        var rescanFloor = await reference.ConditionalHeadsAsync(cancellationToken);
        var database = "rj_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(postgres, $"CREATE DATABASE {database}", cancellationToken);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(postgres)
            {
                Database = database,
                MaxPoolSize = 50,
            }.ConnectionString;
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await new MigrationRunner(
                dataSource,
                Microsoft.Extensions.Options.Options.Create(new MigrationOptions { Path = MigrationsPath() }),
                NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
            await using var services = BuildServices(dataSource);
            var scanner = services.GetRequiredService<RegistryScanner>();
            var registry = new RegistryOptions { Name = "bench", Url = registryUrl, MaxConcurrency = Concurrency };
            registry.Include.Add(prefix + "/**");

            using var memory = new PeakMemorySampler();
            var (first, firstTiming) = await PhaseTiming.MeasureAsync(
                () => scanner.ScanAsync(registry, null, cancellationToken));
            var (second, secondTiming) = await PhaseTiming.MeasureAsync(
                () => scanner.ScanAsync(registry, null, cancellationToken));

            registry.ChangeFeed = RegistryChangeFeed.Notifications;
            var (feedStart, feedStartTiming) = await PhaseTiming.MeasureAsync(
                () => scanner.ScanAsync(registry, null, cancellationToken));
            var notified = seeded.Select(t => t.ManifestPath["/v2/".Length..t.ManifestPath.IndexOf(
                    "/manifests/", StringComparison.Ordinal)]).Distinct()
                .Take(Math.Max(1, repositories / 100))
                .ToDictionary(name => name, _ => 1);
            await services.GetRequiredService<RepositoryChangeStore>().RecordChangesAsync(
                registry.Name, notified, TimeProvider.System.GetUtcNow(), cancellationToken);
            var (feed, feedTiming) = await PhaseTiming.MeasureAsync(
                () => scanner.ScanAsync(registry, null, cancellationToken));

            var report = new ScanBenchmarkReport(
                repositories, seeded.Count, Concurrency, baseline, twoRequestCeiling, firstFloor, rescanFloor,
                new ScanRun(first, firstTiming), new ScanRun(second, secondTiming),
                new ScanRun(feedStart, feedStartTiming), new ScanRun(feed, feedTiming), notified.Count,
                memory.PeakBytes, loadBefore, LoadAverage());
            await output.WriteLineAsync(report.ToMarkdown());
            ScanSummary[] runs = [first, second, feedStart, feed];
            return runs.All(r => r.Status == ScanStatus.Succeeded) ? 0 : 1;
        }
        finally
        {
            await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", cancellationToken);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))
            : "unknown";

    private static ServiceProvider BuildServices(NpgsqlDataSource dataSource)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?>
            {
                ["Scanner:ProgressInterval"] = "00:01:00",
                ["RegistryEvents:Enabled"] = "true",
            }).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton(dataSource);
        services.AddScanner(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string MigrationsPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory);
            directory is not null;
            directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "migrations");
            if (File.Exists(Path.Combine(directory.FullName, "RegistryJanitor.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The migrations folder was not found above " + AppContext.BaseDirectory);
    }
}
