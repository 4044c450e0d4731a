using System.Diagnostics;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>Wall-clock and process CPU time of one benchmark phase.</summary>
internal sealed record PhaseTiming(TimeSpan Wall, TimeSpan Cpu)
{
    public static async Task<(T Result, PhaseTiming Timing)> MeasureAsync<T>(Func<Task<T>> phase)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await phase();
        var wall = watch.Elapsed;
        process.Refresh();
        return (result, new PhaseTiming(wall, process.TotalProcessorTime - cpuBefore));
    }

    public static async Task<PhaseTiming> MeasureAsync(Func<Task> phase)
    {
        var (_, timing) = await MeasureAsync(async () =>
        {
            await phase();
            return true;
        });
        return timing;
    }
}
