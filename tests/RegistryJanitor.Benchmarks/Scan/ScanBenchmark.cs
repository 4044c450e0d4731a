using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Scanning;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>
/// <c>scan</c>: seeds REPOSITORIES × TAGS small images into the registry of REGISTRYJANITOR_TEST_REGISTRY, then
/// measures in one run: plain concurrent GETs of every manifest URL (the baseline), a first scan into a fresh
/// database, and a re-scan; prints a Markdown table.
/// </summary>
internal static class ScanBenchmark
{
    private const int Concurrency = 8;

    public static int Run(string[] args, TextWriter output) => RunAsync(args, output).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        var repositories = args.Length > 0 ? int.Parse(args[0]) : 200;
        var tags = args.Length > 1 ? int.Parse(args[1]) : 50;
        var registryUrl = new Uri(Environment.GetEnvironmentVariable("REGISTRYJANITOR_TEST_REGISTRY")
            ?? throw new InvalidOperationException("REGISTRYJANITOR_TEST_REGISTRY is not set; run deploy/benchmark.sh scan"));
        var postgres = Environment.GetEnvironmentVariable("REGISTRYJANITOR_TEST_POSTGRES")
            ?? throw new InvalidOperationException("REGISTRYJANITOR_TEST_POSTGRES is not set; run deploy/benchmark.sh scan");
        var cancellationToken = CancellationToken.None;
        var prefix = "bench-" + Guid.NewGuid().ToString("N")[..8];

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = registryUrl };
        var seedWatch = Stopwatch.StartNew();
        var urls = await new BenchmarkSeeder(http).SeedAsync(prefix, repositories, tags, 32, cancellationToken);
        await output.WriteLineAsync($"seeded {urls.Count} tags in {repositories} repositories in {seedWatch.Elapsed.TotalSeconds:F1} s");

        var baseline = await BaselineAsync(registryUrl, urls, cancellationToken);
        var database = "rj_bench_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(postgres, $"CREATE DATABASE {database}", cancellationToken);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(postgres) { Database = database,
                MaxPoolSize = 50 }.ConnectionString;
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
            var first = await scanner.ScanAsync(registry, null, cancellationToken);
            var second = await scanner.ScanAsync(registry, null, cancellationToken);
            var report = new ScanBenchmarkReport(repositories, urls.Count, Concurrency, baseline, first, second,
                memory.PeakBytes);
            await output.WriteLineAsync(report.ToMarkdown());
            return first.Status == ScanStatus.Succeeded && second.Status == ScanStatus.Succeeded ? 0 : 1;
        }
        finally
        {
            await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", cancellationToken);
        }
    }

    private static async Task<TimeSpan> BaselineAsync(Uri registryUrl, List<string> urls,
        CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = registryUrl };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", Core.Model.MediaTypes.ManifestAccept);
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            urls,
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (url, token) =>
            {
                using var response = await client.GetAsync(url, token);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync(token);
            });
        return watch.Elapsed;
    }

    private static ServiceProvider BuildServices(NpgsqlDataSource dataSource)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Scanner:ProgressInterval"] = "00:01:00" }).Build();
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
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
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
