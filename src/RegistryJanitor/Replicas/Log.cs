namespace RegistryJanitor.Replicas;

/// <summary>Log messages of scans shared by replicas (event ids 1300-1399).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information,
        Message = "Scan run {RunId} of registry {Registry}: {Repositories} repositories in {Batches} work items")]
    public static partial void BatchesEnqueued(ILogger logger, long runId, string registry, int repositories,
        int batches);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information,
        Message = "Registry {Registry}: shared scan run {RunId} is still in progress; this occurrence is skipped")]
    public static partial void RunStillActive(ILogger logger, string registry, long runId);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information,
        Message = "Work item {BatchNo} of scan run {RunId} finished: {Scanned} repositories scanned here")]
    public static partial void BatchFinished(ILogger logger, int batchNo, long runId, int scanned);

    [LoggerMessage(EventId = 1303, Level = LogLevel.Information,
        Message = "Work item {BatchNo} of scan run {RunId} released at shutdown after {Scanned} repositories")]
    public static partial void BatchReleased(ILogger logger, int batchNo, long runId, int scanned);

    [LoggerMessage(EventId = 1304, Level = LogLevel.Information,
        Message = "Scan run {RunId} of registry {Registry} closed by its last work item: {Status}")]
    public static partial void RunClosed(ILogger logger, long runId, string registry, string status);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Debug,
        Message = "Work item {BatchNo} of scan run {RunId} is already finished or gone; its job is removed")]
    public static partial void BatchAlreadyDone(ILogger logger, int batchNo, long runId);

    [LoggerMessage(EventId = 1306, Level = LogLevel.Warning,
        Message = "Work item {BatchNo} of scan run {RunId}: registry {Registry} is not configured here")]
    public static partial void BatchRegistryUnknown(ILogger logger, int batchNo, long runId, string registry);
}
