using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Costs;

/// <summary>
/// Computes today's (UTC) cost snapshot of every scanned registry and the month's roll-up. Running it again
/// the same day replaces that day's rows, so it is idempotent per day.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DailyCostJob : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("daily-costs", "costs");

    private readonly DailyCostRunner runner;
    private readonly PullCountStore pullCounts;
    private readonly TimeProvider timeProvider;
    private readonly IOptions<CostJobOptions> options;
    private readonly ILogger<DailyCostJob> logger;

    public DailyCostJob(
        DailyCostRunner runner,
        PullCountStore pullCounts,
        TimeProvider timeProvider,
        IOptions<CostJobOptions> options,
        ILogger<DailyCostJob> logger)
    {
        this.runner = runner;
        this.pullCounts = pullCounts;
        this.timeProvider = timeProvider;
        this.options = options;
        this.logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var results = await runner.RunAsync(null, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var day = DateOnly.FromDateTime(now.UtcDateTime);

        var pruned = await pullCounts.PruneReceiptsAsync(now - options.Value.EventReceiptRetention, cancellationToken);
        logger.DailyCostsCompleted(results.Count, day, pruned);
    }
}
