using System.Globalization;
using System.Text;

namespace RegistryJanitor.Benchmarks.Replicas;

/// <summary>The Markdown table of the <c>replicas</c> benchmark, with the targets it is held to.</summary>
internal static class ReplicaBenchmarkReport
{
    private static readonly Dictionary<int, double> Targets = new() { [2] = 1.8, [3] = 2.5 };

    public static string ToMarkdown(ReplicaBenchmarkSettings settings, IReadOnlyList<ReplicaRunResult> results)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(results);
        var single = results.First(r => r.Replicas == 1).Throughput;
        var table = new StringBuilder();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"{settings.Repositories} repositories × {settings.Tags} tags, every request held "
            + $"{settings.Delay.TotalMilliseconds:F0} ms by a proxy, {ReplicaBenchmarkSettings.MaxConcurrency} "
            + $"concurrent requests per replica, work items of {ReplicaBenchmarkSettings.BatchSize} repositories, "
            + $"{System.Environment.ProcessorCount} cores");
        table.AppendLine();
        table.AppendLine("| Replicas | Scan time | Repositories/s | Speed-up vs one | Target "
            + "| Replicas that took items | Requests |");
        table.AppendLine("|---:|---:|---:|---:|---|---:|---:|");
        foreach (var result in results)
        {
            var speedUp = result.Throughput / single;
            var target = Targets.TryGetValue(result.Replicas, out var goal)
                ? string.Create(CultureInfo.InvariantCulture, $"≥ {goal:F1}× {(speedUp >= goal ? "met" : "missed")}")
                : "baseline";
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {result.Replicas} | {result.Elapsed.TotalSeconds:F1} s | {result.Throughput:F2} | "
                + $"{speedUp:F2}× | {target} | {result.ReplicasThatScanned} | {result.Requests} |");
        }

        return table.ToString();
    }
}
