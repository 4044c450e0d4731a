using RegistryJanitor.Scanning;

namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>One scan of the benchmark: its summary and how long it took.</summary>
internal sealed record ScanRun(ScanSummary Summary, PhaseTiming Timing);
