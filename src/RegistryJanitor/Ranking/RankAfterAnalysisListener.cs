using Quartz;
using RegistryJanitor.Analysis;

namespace RegistryJanitor.Ranking;

/// <summary>Triggers <see cref="RankJob"/> each time an <see cref="AnalyzeJob"/> completes without error.</summary>
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
        if (jobException is not null || context.JobDetail.JobType.Type != typeof(AnalyzeJob))
        {
            return;
        }

        await context.Scheduler.TriggerJob(RankJob.Key, cancellationToken);
        logger.RankingQueuedAfterAnalysis(context.JobDetail.Key.Name);
    }
}
