using System.Globalization;
using Quartz;
using RegistryJanitor.Replicas;
using RegistryJanitor.Scanning;
using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.Analysis;

/// <summary>Triggers the registry's <see cref="AnalyzeJob"/> each time a scan of it completes.</summary>
/// <remarks>
/// A scan completes when its <see cref="ScanJob"/> does, except when replicas share scans
/// (<see cref="SharedScanCoordinator.Enabled"/>): that job then only starts the run, and the scan completes with
/// the <see cref="ScanBatchJob"/> that closes it, so the listener waits for a batch after which the run is
/// closed. Two batches finishing together on two replicas may both see the run closed and queue the analysis
/// twice; the second run finds every layer analysed and reads nothing (when the analysis is shared too, it is
/// skipped while the first is still in progress). A failed scan triggers nothing: the inventory it left may be
/// incomplete.
/// </remarks>
public sealed class AnalyzeAfterScanListener : IJobListener
{
    private readonly AnalysisRegistries settings;
    private readonly SharedScanCoordinator coordinator;
    private readonly AnalysisStore store;
    private readonly ILogger<AnalyzeAfterScanListener> logger;

    public AnalyzeAfterScanListener(
        AnalysisRegistries settings, SharedScanCoordinator coordinator, AnalysisStore store,
        ILogger<AnalyzeAfterScanListener> logger)
    {
        this.settings = settings;
        this.coordinator = coordinator;
        this.store = store;
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
        if (jobException is not null || await CompletedScanAsync(context, cancellationToken) is not { } registry
            || !settings.For(registry).Enabled)
        {
            return;
        }

        var data = new JobDataMap { [AnalyzeJob.RegistryKey] = registry };
        await context.Scheduler.TriggerJob(AnalyzeJob.KeyFor(registry), data, cancellationToken);
        Log.QueuedAfterScan(logger, registry);
    }

    /// <summary>The registry whose scan <paramref name="context"/>'s job completed, or null.</summary>
    private async Task<string?> CompletedScanAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var job = context.JobDetail.JobType.Type;
        var data = context.MergedJobDataMap;
        if (job == typeof(ScanJob))
        {
            return coordinator.Enabled ? null : data.GetString(ScanJob.RegistryKey);
        }

        var closed = job == typeof(ScanBatchJob)
            && long.TryParse(data.GetString(ScanBatchKeys.RunId), NumberStyles.None, CultureInfo.InvariantCulture,
                out var runId)
            && await store.IsScanRunClosedAsync(runId, cancellationToken);
        return closed ? data.GetString(ScanBatchKeys.Registry) : null;
    }
}
