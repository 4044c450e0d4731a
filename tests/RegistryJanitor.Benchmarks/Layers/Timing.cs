namespace RegistryJanitor.Benchmarks.Layers;

/// <summary>Wall-clock and CPU time of one measured run.</summary>
/// <remarks>
/// CPU time is reported next to wall time because the benchmark machine is shared: CPU seconds of a
/// single-threaded run stay meaningful under load, wall seconds only when the machine is quiet.
/// </remarks>
internal readonly record struct Timing(TimeSpan Wall, TimeSpan Cpu)
{
    public static Timing Best(Timing a, Timing b) => new(Min(a.Wall, b.Wall), Min(a.Cpu, b.Cpu));

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
