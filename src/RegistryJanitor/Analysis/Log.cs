namespace RegistryJanitor.Analysis;

/// <summary>Layer analysis log messages: event ids 5000-5099.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information,
        Message = "Analysis of {Registry} started (run {RunId}): {Layers} layers planned, {PlannedBytes} of "
            + "{BudgetBytes} budget bytes")]
    public static partial void RunStarted(
        ILogger logger, string registry, long runId, int layers, long plannedBytes, long budgetBytes);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Analysis finished: {Summary}")]
    public static partial void RunFinished(ILogger logger, AnalysisSummary summary);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning,
        Message = "Layer {Digest} of {Registry} rejected: {Reason}: {Message}")]
    public static partial void LayerRejected(
        ILogger logger, string digest, string registry, string reason, string message);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning,
        Message = "Layer {Digest} of {Registry} could not be downloaded; it is retried next run")]
    public static partial void LayerDownloadFailed(
        ILogger logger, string digest, string registry, Exception? exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Analysis of {Registry} failed")]
    public static partial void RunFailed(ILogger logger, string registry, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Analysis progress {Progress}")]
    public static partial void Progress(ILogger logger, AnalysisProgress progress);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning,
        Message = "Image {Digest} of {Registry} could not be analysed from its stored layers")]
    public static partial void ImageFailed(ILogger logger, string digest, string registry, Exception exception);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Error, Message = "No registry named {Registry} is configured")]
    public static partial void UnknownRegistry(ILogger logger, string registry);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information,
        Message = "Analysis after the scan of {Registry} queued")]
    public static partial void QueuedAfterScan(ILogger logger, string registry);
}
