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
/// 200,000 manifests give 100,000 image rows) and two ranking runs of it (<see cref="SyntheticRanking"/>), runs the
/// daily cost computation for one day, then times <see cref="MonthlyReportGenerator"/> for that month. Needs
/// <c>REGISTRYJANITOR_TEST_POSTGRES</c>. Options: <c>--manifests N</c> (default 200000), <c>--repositories N</c>
/// (default 1000), <c>--keep</c> (leave the written workbooks in their temporary folder and the database on the
/// server, and print where, for inspecting the files or the statements' plans).
/// </summary>
/// <remarks>
/// <para>
/// The ranking is seeded, so every run stores the same rows (<see cref="SyntheticRankingRuns"/>). The month's run
/// ranks every tagged image but five (rank 1 to N by money per month). A repository's images share one scenario;
/// high-frequency microservice, data-heavy Python, legacy monolith, CI-constrained and already lean come in the
/// proportion 3 : 2 : 2 : 2 : 1. Each image has three to six findings (two byte-free ones when lean; 4.25 on
/// average, so about 425,000 Findings rows at the default size), of which those that need layer contents are
/// "unknown" for one image in eight; present findings carry one to three evidence entries with layer, history
/// step, path and bytes. Recommendations are the scenario's own plus one per present finding that has a fix, each
/// with a Dockerfile snippet (the Fixes rows). The previous month's run ranks every tagged image, with one more
/// finding or more dead weight for two thirds of them; the five the month's run leaves out are every fourth of
/// its top 20, so Progress shows gone, fixed and open items.
/// </para>
/// <para>
/// The month is a past one, so no retention simulation runs and the Retention sheet is empty. After the timed run
/// the benchmark prints the rows the generator reported for Ranked, Findings, Fixes and Progress against the rows
/// the stored runs imply, and exits with 1 when they differ.
/// </para>
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
        var keep = args.Contains("--keep");
        return RunAsync(server, manifests, repositories, keep, output, CancellationToken.None).GetAwaiter()
            .GetResult();
    }

    private static async Task<int> RunAsync(
        string server, int manifests, int repositories, bool keep, TextWriter output,
        CancellationToken cancellationToken)
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
            var (ranking, previousRanking, rankingLoad) = await SyntheticRankingRuns.StoreAsync(
                dataSource, inventory, Day, pricing.Currency, cancellationToken);
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
            output.WriteLine($"Ranking runs bulk-loaded in {rankingLoad.TotalSeconds:F1} s: {Day:yyyy-MM} " +
                             $"{ranking.Count:N0} ranked items, {ranking.FindingRows:N0} findings, " +
                             $"{ranking.FixRows:N0} fixes; previous month {previousRanking.Count:N0} items, " +
                             $"{previousRanking.FindingRows:N0} findings. The past month has no retention rows.");
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

            var optimization = outcome.Result.Files.Single(file => file.Kind == ReportWorkbookWriter.OptimizationKind);
            var complete = WriteSheetRows(output, optimization, "Ranked", ranking.Count)
                           & WriteSheetRows(output, optimization, "Findings", ranking.FindingRows)
                           & WriteSheetRows(output, optimization, "Fixes", ranking.FixRows)
                           & WriteSheetRows(output, optimization, "Progress",
                               Math.Min(OptimizationReportLoader.ProgressTop, previousRanking.Count));

            var met = report.Elapsed.TotalSeconds < 20 && peak < 1536L * 1024 * 1024;
            output.WriteLine($"| Targets < 20 s, < 1.5 GB | {(met ? "met" : "missed")} |");
            return complete ? 0 : 1;
        }
        finally
        {
            if (keep)
            {
                output.WriteLine($"Workbooks kept in {folder}; database kept: {name} (drop it when done)");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
                await RollupBenchmark.ExecuteOnServerAsync(
                    server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)", cancellationToken);
            }
        }
    }

    /// <summary>
    /// A sheet's data rows as the writer reported them, against the rows the stored ranking implies, so a
    /// measurement shows the optimization workbook was written in full.
    /// </summary>
    private static bool WriteSheetRows(TextWriter output, ReportFile workbook, string sheet, long expected)
    {
        var written = workbook.RowCounts.GetValueOrDefault(sheet);
        var verdict = written == expected ? "as stored" : $"stored {expected:N0}: MISMATCH";
        output.WriteLine($"| Optimization workbook, {sheet} sheet: rows written | {written:N0} ({verdict}) |");
        return written == expected;
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
