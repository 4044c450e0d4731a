using System.Globalization;
using System.Text;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>The figures of one benchmark run and the Markdown table the README carries.</summary>
internal sealed record ScanBenchmarkReport(
    int Repositories,
    int Tags,
    int Concurrency,
    PhaseTiming Baseline,
    PhaseTiming TwoRequestCeiling,
    PhaseTiming FirstFloor,
    PhaseTiming RescanFloor,
    ScanRun First,
    ScanRun Second,
    ScanRun FeedStart,
    ScanRun Feed,
    int NotifiedRepositories,
    long PeakBytes,
    string LoadBefore,
    string LoadAfter)
{
    public string ToMarkdown()
    {
        var baselineRate = Rate(Baseline.Wall);
        var firstRate = Rate(First.Timing.Wall);
        var tagsPerRepository = Tags / Math.Max(1, Repositories);
        var builder = new StringBuilder();
        Line(builder, $"{Repositories} repositories × {tagsPerRepository} tags = {Tags} tags, concurrency "
            + $"{Concurrency}; load average {LoadBefore} before, {LoadAfter} after");
        builder.AppendLine();
        builder.AppendLine("| Measure | Wall time | CPU time (client) | Ratio | Target |");
        builder.AppendLine("|---|---|---|---|---|");
        Row(builder, "Baseline: plain GET of every manifest URL", Baseline, $"{baselineRate:F0} manifests/s", "");
        Row(builder, "Ceiling of two requests per manifest: plain GET of every manifest URL twice",
            TwoRequestCeiling, $"{Rate(TwoRequestCeiling.Wall) / baselineRate:F2}× baseline rate", "");
        Row(builder, "Floor of a first scan: plain GET of every manifest and its config", FirstFloor,
            $"{Rate(FirstFloor.Wall) / baselineRate:F2}× baseline rate", "");
        Row(builder, $"First scan ({First.Summary.Status}), {Requests(First)} requests per manifest", First.Timing,
            $"**{firstRate / baselineRate:F2}×** baseline rate", "≥ 0.70×");
        Row(builder, "First scan against its floor", First.Timing,
            $"{Rate(First.Timing.Wall) / Rate(FirstFloor.Wall):F2}× floor rate", "");
        Row(builder, "Floor of a re-scan: plain conditional HEAD of every tag", RescanFloor,
            $"{Share(RescanFloor.Wall, First.Timing.Wall):F1} % of first scan", "");
        Row(builder, $"Re-scan ({Second.Summary.Status}), {Second.Summary.Counts.Requests} requests", Second.Timing,
            $"**{Share(Second.Timing.Wall, First.Timing.Wall):F1} %** of first scan", "≤ 10 %");
        Row(builder, $"Re-scan that starts the change feed (reads every tag once), {FeedStart.Summary.Counts.Requests} "
            + "requests", FeedStart.Timing, $"{Share(FeedStart.Timing.Wall, First.Timing.Wall):F1} % of first scan",
            "");
        Row(builder, $"Re-scan with the change feed ({Feed.Summary.Status}), {NotifiedRepositories} of {Repositories} "
            + $"repositories notified, {Feed.Summary.Counts.Requests} requests", Feed.Timing,
            $"**{Share(Feed.Timing.Wall, First.Timing.Wall):F1} %** of first scan", "≤ 10 %");
        var peakMebibytes = PeakBytes / (1024.0 * 1024.0);
        builder.AppendLine($"| Peak working set during the scans | | | **{peakMebibytes:F0} MiB** | < 300 MB |");
        return builder.ToString();
    }

    private double Rate(TimeSpan wall) => Tags / wall.TotalSeconds;

    private string Requests(ScanRun run) =>
        ((double)run.Summary.Counts.Requests / Tags).ToString("F2", CultureInfo.InvariantCulture);

    private static double Share(TimeSpan part, TimeSpan whole) => part.TotalSeconds / whole.TotalSeconds * 100;

    private static void Row(StringBuilder builder, string measure, PhaseTiming timing, string ratio, string target) =>
        Line(builder, $"| {measure} | {timing.Wall.TotalSeconds:F2} s | {timing.Cpu.TotalSeconds:F2} s | {ratio} | "
            + $"{target} |");

    private static void Line(StringBuilder builder, string text) => builder.AppendLine(text);
}
