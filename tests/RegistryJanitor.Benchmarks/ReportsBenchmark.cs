using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using RegistryJanitor.Reports;
using RegistryJanitor.Reports.Retention;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// Writes both monthly workbooks for N image rows (default 100,000) and reports time and peak memory, next to a
/// baseline in the same run: the same image rows written as a plain CSV file (the least any export costs).
/// Arguments: <c>[IMAGE_ROWS] [--out DIR]</c>; with <c>--out</c> the workbooks are kept in DIR. After the
/// workbooks it times the retention simulation over an in-memory inventory of as many manifests.
/// </summary>
internal static class ReportsBenchmark
{
    public static int Run(string[] args, TextWriter output)
    {
        var images = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var keep = args.Length > 2 && args[1] == "--out" ? args[2] : null;
        var folder = keep ?? Directory.CreateTempSubdirectory("rj-report-bench-").FullName;
        try
        {
            var costs = ReportBenchmarkData.Costs(images);
            var optimization = ReportBenchmarkData.Optimization(costs);
            var afterData = Process.GetCurrentProcess().PeakWorkingSet64;

            var csv = Stopwatch.StartNew();
            WriteCsvBaseline(Path.Combine(folder, "images.csv"), costs);
            csv.Stop();

            var writer = new ReportWorkbookWriter(NullLogger<ReportWorkbookWriter>.Instance);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var workbooks = Stopwatch.StartNew();
            var result = writer.WriteAsync(costs, optimization, folder, CancellationToken.None)
                .GetAwaiter()
                .GetResult();
            workbooks.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64;
            var retention = RetentionBenchmark.Run(images);
            var peakWithRetention = Process.GetCurrentProcess().PeakWorkingSet64;

            output.WriteLine($"| Measure | {images:N0} image rows |");
            output.WriteLine("|---|---|");
            output.WriteLine($"| Both workbooks, wall time | {workbooks.Elapsed.TotalSeconds:F1} s |");
            output.WriteLine($"| Both workbooks, CPU time (all threads) | {cpu.TotalSeconds:F1} s |");
            output.WriteLine($"| CSV baseline (image rows only) | {csv.Elapsed.TotalSeconds:F1} s |");
            output.WriteLine($"| Load average while running | {LoadAverage()} |");
            output.WriteLine($"| Ratio workbooks / CSV | {workbooks.Elapsed / csv.Elapsed:F1} |");
            output.WriteLine($"| Peak working set after building the input | {afterData / 1048576.0:F0} MiB |");
            output.WriteLine($"| Peak working set, whole run | {peak / 1048576.0:F0} MiB |");
            output.WriteLine(
                $"| Retention simulation, {RetentionOptions.DefaultPolicies.Count} default policies over {images:N0} "
                + $"manifests (after the workbooks), wall / CPU | {retention.Wall.TotalSeconds:F1} s / "
                + $"{retention.Cpu.TotalSeconds:F1} s |");
            output.WriteLine(
                $"| Peak working set including the simulation's inventory | {peakWithRetention / 1048576.0:F0} MiB |");
            foreach (var file in result.Files)
            {
                output.WriteLine(
                    $"| {Path.GetFileName(file.Path)} | {file.SizeBytes / 1048576.0:F1} MiB, "
                    + $"{file.RowCounts.Values.Sum():N0} rows |");
            }

            return 0;
        }
        finally
        {
            if (keep is null)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>The 1-minute load average, because the wall time depends on what else the machine runs.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static void WriteCsvBaseline(string path, RegistryJanitor.Reports.Model.CostReportData costs)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(
            "Registry,Repository,Tag,Digest,Image bytes,Exclusive bytes,Amortized bytes,Pulls,Egress bytes");
        foreach (var i in costs.Images)
        {
            writer.WriteLine(string.Join(
                ',',
                i.Registry,
                i.Repository,
                i.Tag,
                i.Digest,
                i.ImageBytes.ToString(CultureInfo.InvariantCulture),
                i.ExclusiveBytes.ToString(CultureInfo.InvariantCulture),
                i.AmortizedBytes.ToString(CultureInfo.InvariantCulture),
                i.Pulls.ToString(CultureInfo.InvariantCulture),
                i.EgressBytes.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
