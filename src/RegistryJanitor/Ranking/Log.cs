using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Ranking;

/// <summary>Log messages of the ranking stage (event ids 5400-5409).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5400, Level = LogLevel.Information,
        Message = "Ranking run {RunId}: {Ranked} images ranked, {Unranked} not images, top saving {TopMoney} " +
                  "{Currency}/month, in {ElapsedMs} ms")]
    public static partial void RankingFinished(
        this ILogger logger, long runId, int ranked, int unranked, decimal topMoney, string currency, long elapsedMs);

    [LoggerMessage(EventId = 5401, Level = LogLevel.Warning,
        Message = "Ranking without layer analysis for {Count} images: content findings are unknown")]
    public static partial void RankingWithoutAnalysis(this ILogger logger, int count);

    [LoggerMessage(EventId = 5402, Level = LogLevel.Error, Message = "Ranking run failed")]
    public static partial void RankingFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5403, Level = LogLevel.Information,
        Message = "Ranking queued after layer analysis job {AnalysisJob}")]
    public static partial void RankingQueuedAfterAnalysis(this ILogger logger, string analysisJob);
}
