using Quartz;
using RegistryJanitor.Storage.Reports.Retention;

namespace RegistryJanitor.Reporting;

/// <summary>
/// Simulates the configured retention policies over every registry's stored inventory once a day, so each month
/// keeps rows for the Retention sheet of its report.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RetentionSimulationJob : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("retention-simulation", "reports");

    private readonly RetentionSimulationRunner runner;
    private readonly TimeProvider timeProvider;

    public RetentionSimulationJob(RetentionSimulationRunner runner, TimeProvider timeProvider)
    {
        this.runner = runner;
        this.timeProvider = timeProvider;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await runner.SimulateAsync(timeProvider.GetUtcNow(), cancellationToken);
}
