using System.Text;
using RegistryJanitor.Scanning;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>The figures of one benchmark run and the Markdown table the README carries.</summary>
internal sealed record ScanBenchmarkReport(
    int Repositories,
    int Tags,
    int Concurrency,
    TimeSpan Baseline,
    ScanSummary First,
    ScanSummary Second,
    long PeakBytes)
{
    public string ToMarkdown()
    {
        var baselineRate = Tags / Baseline.TotalSeconds;
        var firstRate = Tags / First.Elapsed.TotalSeconds;
        var builder = new StringBuilder();
        var tagsPerRepository = Tags / Math.Max(1, Repositories);
        builder.AppendLine(
            $"{Repositories} repositories × {tagsPerRepository} tags = {Tags} tags, concurrency {Concurrency}");
        builder.AppendLine();
        builder.AppendLine("| Measure | Value | Target |");
        builder.AppendLine("|---|---|---|");
        builder.AppendLine(
            $"| Baseline: plain GET of every manifest URL | {Baseline.TotalSeconds:F2} s " +
            $"({baselineRate:F0} manifests/s) | |");
        builder.AppendLine(
            $"| First scan ({First.Status}) | {First.Elapsed.TotalSeconds:F2} s ({firstRate:F0} manifests/s) | |");
        builder.AppendLine($"| First scan rate / baseline rate | {firstRate / baselineRate:F2}× | ≥ 0.70× |");
        builder.AppendLine($"| Requests per manifest, first scan | {(double)First.Counts.Requests / Tags:F2} | |");
        builder.AppendLine(
            $"| Re-scan ({Second.Status}) | {Second.Elapsed.TotalSeconds:F2} s, {Second.Counts.Requests} requests | |");
        var rescanShare = Second.Elapsed.TotalSeconds / First.Elapsed.TotalSeconds * 100;
        builder.AppendLine($"| Re-scan time / first scan time | {rescanShare:F1} % | ≤ 10 % |");
        var peakMebibytes = PeakBytes / (1024.0 * 1024.0);
        builder.AppendLine($"| Peak working set during the scans | {peakMebibytes:F0} MiB | < 300 MB |");
        return builder.ToString();
    }
}
