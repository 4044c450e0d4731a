using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Storage.Reports;

/// <summary>Log messages of the monthly report runs (event ids 4100-4199).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4100, EventName = "ReportRunStarting", Level = LogLevel.Debug,
        Message = "Report for {Month:yyyy-MM} (month to date: {MonthToDate}) starting, trigger {Trigger}")]
    public static partial void ReportRunStarting(this ILogger logger, DateOnly month, bool monthToDate,
        string trigger);

    [LoggerMessage(EventId = 4101, EventName = "ReportRunNoSnapshots", Level = LogLevel.Warning,
        Message = "No daily cost snapshot exists for {Month:yyyy-MM}: the cost workbook will have no rows")]
    public static partial void ReportRunNoSnapshots(this ILogger logger, DateOnly month);

    [LoggerMessage(EventId = 4102, EventName = "ReportRunCompleted", Level = LogLevel.Information,
        Message = "Report for {Month:yyyy-MM} written as run {RunId}: {Images} image rows, {Ranked} ranked " +
                  "images, snapshot day {SnapshotDay}, {ElapsedMs} ms")]
    public static partial void ReportRunCompleted(this ILogger logger, DateOnly month, long runId, int images,
        int ranked, DateOnly? snapshotDay, long elapsedMs);

    [LoggerMessage(EventId = 4110, EventName = "RetentionSimulated", Level = LogLevel.Information,
        Message = "Retention policies simulated for {Registry} on {Day}: {Manifests} manifests, {Policies} " +
                  "policies stored, {ElapsedMs} ms")]
    public static partial void RetentionSimulated(this ILogger logger, string registry, DateOnly day, int manifests,
        int policies, long elapsedMs);
}
