namespace RegistryJanitor.Scanning;

/// <summary>A progress report: repositories done of total, rate and estimated time left.</summary>
/// <param name="Registry">The registry name.</param>
/// <param name="Done">Repositories finished (successfully or not).</param>
/// <param name="Total">Repositories to scan.</param>
/// <param name="Elapsed">Time since the scan started.</param>
public sealed record ScanProgress(string Registry, int Done, int Total, TimeSpan Elapsed)
{
    /// <summary>Repositories per second so far.</summary>
    public double Rate => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate; null before the first repository is done.</summary>
    public TimeSpan? Eta => Rate > 0 ? TimeSpan.FromSeconds((Total - Done) / Rate) : null;

    public override string ToString() =>
        $"{Registry}: {Done}/{Total} repositories, {Rate:F1}/s, "
        + $"ETA {(Eta is { } eta ? eta.ToString(@"hh\:mm\:ss") : "unknown")}";
}
