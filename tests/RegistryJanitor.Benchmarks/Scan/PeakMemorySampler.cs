using System.Diagnostics;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>Samples the process working set every 50 ms and keeps the highest value seen.</summary>
internal sealed class PeakMemorySampler : IDisposable
{
    private readonly Timer timer;
    private long peak;

    public PeakMemorySampler()
    {
        GC.Collect();
        timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));
    }

    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref peak);
        }
    }

    public void Dispose() => timer.Dispose();

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        var current = process.WorkingSet64;
        long seen;
        while (current > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, current,
            seen) != seen)
        {
        }
    }
}
