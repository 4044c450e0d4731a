namespace RegistryJanitor.Reports;

/// <summary>What one report run wrote: the month and both workbooks.</summary>
public sealed record ReportRunResult(DateOnly Month, IReadOnlyList<ReportFile> Files);
