namespace RegistryJanitor.Replicas;

/// <summary>Log messages of scans and layer analyses shared by replicas (event ids 1300-1399).</summary>
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

    [LoggerMessage(EventId = 1340, Level = LogLevel.Information,
        Message = "Analysis run {RunId} of registry {Registry}: {Layers} layers to read in {Batches} work items")]
    public static partial void AnalysisBatchesEnqueued(ILogger logger, long runId, string registry, int layers,
        int batches);

    [LoggerMessage(EventId = 1341, Level = LogLevel.Information,
        Message = "Registry {Registry}: shared analysis run {RunId} is still in progress; this one is skipped")]
    public static partial void AnalysisRunStillActive(ILogger logger, string registry, long runId);

    [LoggerMessage(EventId = 1342, Level = LogLevel.Information,
        Message = "Analysis work item {BatchNo} of run {RunId} finished: {Layers} layers read here, "
            + "{DownloadFailures} downloads failed")]
    public static partial void AnalysisBatchFinished(ILogger logger, int batchNo, long runId, int layers,
        int downloadFailures);

    [LoggerMessage(EventId = 1343, Level = LogLevel.Information,
        Message = "Analysis work item {BatchNo} of run {RunId} released at shutdown; stored layers stay")]
    public static partial void AnalysisBatchReleased(ILogger logger, int batchNo, long runId);

    [LoggerMessage(EventId = 1344, Level = LogLevel.Information,
        Message = "Analysis run {RunId} of registry {Registry} closed by its last work item: {Status}")]
    public static partial void AnalysisRunClosed(ILogger logger, long runId, string registry, string status);

    [LoggerMessage(EventId = 1345, Level = LogLevel.Debug,
        Message = "Analysis work item {BatchNo} of run {RunId} is already finished or gone; its job is removed")]
    public static partial void AnalysisBatchAlreadyDone(ILogger logger, int batchNo, long runId);

    [LoggerMessage(EventId = 1346, Level = LogLevel.Warning,
        Message = "Analysis work item {BatchNo} of run {RunId}: registry {Registry} is not configured here")]
    public static partial void AnalysisBatchRegistryUnknown(ILogger logger, int batchNo, long runId, string registry);

    [LoggerMessage(EventId = 1347, Level = LogLevel.Information,
        Message = "Per-image step of analysis run {RunId} (work item {BatchNo}) released at shutdown")]
    public static partial void AnalysisCloseReleased(ILogger logger, long runId, int batchNo);

    [LoggerMessage(EventId = 1348, Level = LogLevel.Error,
        Message = "Shared analysis run {RunId} of registry {Registry} could not be planned")]
    public static partial void AnalysisPlanFailed(ILogger logger, string registry, long runId, Exception exception);
}
