using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Optimization;

/// <summary>Where the optimization tables were written, for the Summary formulas.</summary>
internal sealed record OptimizationTables(
    TableLayout Ranked,
    TableLayout Findings,
    TableLayout DecisionMatrix,
    TableLayout Retention,
    TableLayout Fixes,
    TableLayout Progress);
