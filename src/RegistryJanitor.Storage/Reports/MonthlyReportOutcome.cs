using RegistryJanitor.Reports;

namespace RegistryJanitor.Storage.Reports;

/// <summary>What a report run produced and where it is recorded.</summary>
/// <param name="RunId">The <c>report_runs</c> row.</param>
/// <param name="Period">The month and whether it was still running.</param>
/// <param name="SnapshotDay">The last daily snapshot read, or null when the month had none.</param>
/// <param name="Result">The written files.</param>
public sealed record MonthlyReportOutcome(
    long RunId,
    ReportPeriod Period,
    DateOnly? SnapshotDay,
    ReportRunResult Result);
