using Quartz;
using RegistryJanitor.Analysis;

namespace RegistryJanitor.Ranking;

/// <summary>
/// Triggers <see cref="RankJob"/> each time a layer analysis completes without error: the job that completed it sets
/// its <see cref="AnalysisSummary"/> as its result. That is the <see cref="AnalyzeJob"/> itself, or, when replicas
/// share the analysis, the <see cref="Replicas.AnalysisBatchJob"/> that closed the run (once per run).
/// </summary>
/// <remarks>A failed analysis triggers nothing; the scheduled run still ranks with what is stored.</remarks>
public sealed class RankAfterAnalysisListener : IJobListener
{
    private readonly ILogger<RankAfterAnalysisListener> logger;

    public RankAfterAnalysisListener(ILogger<RankAfterAnalysisListener> logger)
    {
        this.logger = logger;
    }

    public string Name => "rank-after-analysis";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(
        IJobExecutionContext context, JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (jobException is not null || context.Result is not AnalysisSummary { Status: not AnalysisSummary.Failed })
        {
            return;
        }

        await context.Scheduler.TriggerJob(RankJob.Key, cancellationToken);
        logger.RankingQueuedAfterAnalysis(context.JobDetail.Key.Name);
    }
}
