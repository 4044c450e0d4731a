using Quartz;
using RegistryJanitor.Scanning;

namespace RegistryJanitor.Analysis;

/// <summary>Triggers the registry's <see cref="AnalyzeJob"/> each time its <see cref="ScanJob"/> completes.</summary>
/// <remarks>A failed scan triggers nothing: the inventory it left may be incomplete.</remarks>
public sealed class AnalyzeAfterScanListener : IJobListener
{
    private readonly AnalysisRegistries settings;
    private readonly ILogger<AnalyzeAfterScanListener> logger;

    public AnalyzeAfterScanListener(AnalysisRegistries settings, ILogger<AnalyzeAfterScanListener> logger)
    {
        this.settings = settings;
        this.logger = logger;
    }

    public string Name => "analyze-after-scan";

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(
        IJobExecutionContext context, JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (jobException is not null || context.JobDetail.JobType.Type != typeof(ScanJob)
            || context.MergedJobDataMap.GetString(ScanJob.RegistryKey) is not { } registry
            || !settings.For(registry).Enabled)
        {
            return;
        }

        var data = new JobDataMap { [AnalyzeJob.RegistryKey] = registry };
        await context.Scheduler.TriggerJob(AnalyzeJob.KeyFor(registry), data, cancellationToken);
        Log.QueuedAfterScan(logger, registry);
    }
}
