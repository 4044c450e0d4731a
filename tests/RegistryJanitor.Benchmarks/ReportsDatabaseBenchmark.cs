using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RegistryJanitor.Benchmarks.Scan;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Reports;
using RegistryJanitor.Reports.Retention;
using RegistryJanitor.Storage.Costs;
using RegistryJanitor.Storage.Reports;
using RegistryJanitor.Storage.Reports.Retention;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// <c>reports-db</c>: both monthly workbooks generated the way the <c>report</c> command does, from PostgreSQL.
/// Bulk-loads the synthetic inventory of the <c>rollup</c> benchmark (every other manifest tagged, so the default
/// 200,000 manifests give 100,000 image rows), runs the daily cost computation for one day, then times
/// <see cref="MonthlyReportGenerator"/> for that month. Needs <c>REGISTRYJANITOR_TEST_POSTGRES</c>.
/// Options: <c>--manifests N</c> (default 200000), <c>--repositories N</c> (default 1000).
/// </summary>
/// <remarks>
/// No ranking run is stored, so the optimization workbook has no ranked items: its figure covers the cost workbook
/// plus an optimization workbook that is nearly empty. The month is a past one, so no retention simulation runs.
/// </remarks>
internal static class ReportsDatabaseBenchmark
{
    private const string BaselineSql = """
        SELECT r.name, t.tag, i.digest, i.image_bytes, i.exclusive_bytes, i.amortized_bytes, i.pulls,
               i.egress_bytes
        FROM daily_image_snapshots AS i
        JOIN repositories AS r ON r.id = i.repository_id
        CROSS JOIN LATERAL UNNEST(i.tags) AS t(tag)
        WHERE i.day = @day
        """;

    private static readonly DateOnly Day = new(2026, 2, 10);

    public static int Run(string[] args, TextWriter output)
    {
        var server = Environment.GetEnvironmentVariable("REGISTRYJANITOR_TEST_POSTGRES");
        if (string.IsNullOrEmpty(server))
        {
            output.WriteLine(
                "reports-db: set REGISTRYJANITOR_TEST_POSTGRES to a server where the benchmark may CREATE DATABASE");
            return 2;
        }

        var manifests = RollupBenchmark.Option(args, "--manifests", 200_000);
        var repositories = RollupBenchmark.Option(args, "--repositories", 1_000);
        return RunAsync(server, manifests, repositories, output, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(
        string server, int manifests, int repositories, TextWriter output, CancellationToken cancellationToken)
    {
        var name = "rj_bench_" + Guid.NewGuid().ToString("N")[..12];
        var folder = Directory.CreateTempSubdirectory("rj-reports-db-bench-").FullName;
        await RollupBenchmark.ExecuteOnServerAsync(server, "CREATE DATABASE " + name, cancellationToken);
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(server)
            {
                Database = name,
                CommandTimeout = 600,
            }.ConnectionString;
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var inventory = new SyntheticInventory(manifests, repositories);
            var (registryId, load) = await SyntheticDatabase.MigrateAndLoadAsync(
                dataSource, inventory, cancellationToken);
            var pricing = RollupBenchmark.BenchmarkPricing();
            var rollup = Stopwatch.StartNew();
            await new DailyCostComputation(dataSource).ComputeAsync(
                new DailyCostRequest(registryId, "bench", Day, pricing, DateTimeOffset.UnixEpoch), cancellationToken);
            rollup.Stop();
            await using (var analyze = dataSource.CreateCommand("ANALYZE"))
            {
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            var (baseline, baselineRows, baselinePeak) = await BaselineAsync(dataSource, cancellationToken);
            var generator = Generator(dataSource, pricing);

            GC.Collect();
            var processCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var sampler = new PeakMemorySampler();
            var report = Stopwatch.StartNew();
            var outcome = await generator.GenerateAsync(Day, folder, "command", cancellationToken);
            report.Stop();
            var peak = sampler.PeakBytes;
            sampler.Dispose();
            var processCpu = Process.GetCurrentProcess().TotalProcessorTime - processCpuBefore;

            // The same steps again, one at a time, to show where the wall time goes (PostgreSQL or the writer).
            var period = ReportPeriod.For(Day, DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime));
            var costLoader = new CostReportLoader(dataSource, MsOptions.Create(new ReportOptions()));
            var step = Stopwatch.StartNew();
            var costData = await costLoader.LoadAsync(period, pricing, DateTimeOffset.UnixEpoch, cancellationToken);
            var costLoad = step.Elapsed;
            step.Restart();
            var optimizationData = await new OptimizationReportLoader(dataSource).LoadAsync(
                period, pricing.Currency, DateTimeOffset.UnixEpoch, cancellationToken);
            var optimizationLoad = step.Elapsed;
            var again = Directory.CreateDirectory(Path.Combine(folder, "again")).FullName;
            step.Restart();
            await new ReportWorkbookWriter(NullLogger<ReportWorkbookWriter>.Instance).WriteAsync(
                costData, optimizationData, again, cancellationToken);
            var write = step.Elapsed;

            output.WriteLine($"reports-db: {manifests:N0} manifests ({manifests - manifests / 2:N0} tagged), " +
                             $"{inventory.ManifestBlobRows:N0} manifest-blob rows, {repositories:N0} repositories; " +
                             $"bulk load {load.TotalSeconds:F1} s, daily cost computation for " +
                             $"{Day:yyyy-MM-dd} {rollup.Elapsed.TotalSeconds:F1} s");
            output.WriteLine("No ranking run is stored: the optimization workbook has no ranked items or findings, " +
                             "and the past month has no retention rows.");
            output.WriteLine();
            output.WriteLine("| Measure | Value |");
            output.WriteLine("|---|---|");
            output.WriteLine($"| Report generation from PostgreSQL, both workbooks, wall time | " +
                             $"{report.Elapsed.TotalSeconds:F1} s |");
            output.WriteLine($"| Report generation, CPU time of the benchmark process (all threads) | " +
                             $"{processCpu.TotalSeconds:F1} s |");
            output.WriteLine($"| Steps re-run one by one afterwards: cost data (CostReportLoader) | " +
                             $"{costLoad.TotalSeconds:F1} s |");
            output.WriteLine($"| Steps re-run: optimization data (OptimizationReportLoader) | " +
                             $"{optimizationLoad.TotalSeconds:F1} s |");
            output.WriteLine($"| Steps re-run: writing both workbooks (ReportWorkbookWriter) | " +
                             $"{write.TotalSeconds:F1} s |");
            output.WriteLine($"| Baseline: one query reading the {baselineRows:N0} image rows into memory | " +
                             $"{baseline.TotalSeconds:F2} s |");
            output.WriteLine($"| Ratio report / baseline (wall, same run) | {report.Elapsed / baseline:F1} |");
            output.WriteLine($"| Peak working set during the baseline (sampled every 50 ms) | " +
                             $"{baselinePeak / 1048576.0:F0} MiB |");
            output.WriteLine($"| Peak working set during report generation (sampled every 50 ms) | " +
                             $"{peak / 1048576.0:F0} MiB |");
            output.WriteLine($"| Load average while running (1 / 5 / 15 min) | {LoadAverage()} |");
            foreach (var file in outcome.Result.Files)
            {
                var sheets = string.Join(", ", file.RowCounts.Select(sheet => $"{sheet.Key} {sheet.Value:N0}"));
                output.WriteLine($"| {Path.GetFileName(file.Path)} | {file.SizeBytes / 1048576.0:F1} MiB; " +
                                 $"rows: {sheets} |");
            }

            var met = report.Elapsed.TotalSeconds < 20 && peak < 1536L * 1024 * 1024;
            output.WriteLine($"| Targets < 20 s, < 1.5 GB | {(met ? "met" : "missed")} |");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
            await RollupBenchmark.ExecuteOnServerAsync(
                server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", cancellationToken);
        }
    }

    private static MonthlyReportGenerator Generator(NpgsqlDataSource dataSource, PricingOptions pricing)
    {
        var pricingOptions = MsOptions.Create(pricing);
        var retention = new RetentionSimulationRunner(
            dataSource,
            new RetentionInventoryReader(dataSource),
            pricingOptions,
            MsOptions.Create(new RetentionOptions()),
            NullLogger<RetentionSimulationRunner>.Instance);
        return new MonthlyReportGenerator(
            new CostReportLoader(dataSource, MsOptions.Create(new ReportOptions())),
            new OptimizationReportLoader(dataSource),
            new ReportWorkbookWriter(NullLogger<ReportWorkbookWriter>.Instance),
            new ReportRunStore(dataSource),
            retention,
            pricingOptions,
            TimeProvider.System,
            NullLogger<MonthlyReportGenerator>.Instance);
    }

    private static async Task<(TimeSpan Elapsed, int Rows, long PeakBytes)> BaselineAsync(
        NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        // The rows are kept in memory, as the report's loaders keep theirs, so the peak compares like with like.
        var rows = new List<(string, string, string, long, long, decimal, decimal, decimal)>();
        GC.Collect();
        using var sampler = new PeakMemorySampler();
        var watch = Stopwatch.StartNew();
        await using var command = dataSource.CreateCommand(BaselineSql);
        command.Parameters.AddWithValue("day", Day);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                    reader.GetInt64(4), reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7)));
            }
        }

        watch.Stop();
        return (watch.Elapsed, rows.Count, sampler.PeakBytes);
    }

    /// <summary>The load averages, because the wall time depends on what else the machine runs.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ')[..3])
            : "n/a";
}
