using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>The result of one scan run.</summary>
/// <param name="Registry">The registry name.</param>
/// <param name="RunId">The <c>scan_runs.id</c>.</param>
/// <param name="Status">One of <see cref="ScanStatus"/>.</param>
/// <param name="Counts">The counts stored with the run.</param>
/// <param name="Errors">Errors recorded in <c>scan_run_errors</c>.</param>
/// <param name="Error">The reason of a failed run.</param>
/// <param name="Elapsed">Wall-clock duration.</param>
public sealed record ScanSummary(
    string Registry, long RunId, string Status, ScanRunCounts Counts, int Errors, string? Error, TimeSpan Elapsed);
