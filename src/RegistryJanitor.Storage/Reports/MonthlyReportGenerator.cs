using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Reports;
using RegistryJanitor.Storage.Reports.Retention;

namespace RegistryJanitor.Storage.Reports;

/// <summary>
/// One report run: reads both workbooks' data from PostgreSQL, writes the files atomically and records the run
/// in <c>report_runs</c>.
/// </summary>
/// <remarks>
/// A month-to-date run first simulates the retention policies over the stored inventory (today's rows of
/// <c>retention_simulations</c>), so its Retention sheet is current; a past month's run reads the rows the daily
/// simulation stored in that month.
/// </remarks>
public sealed class MonthlyReportGenerator
{
    private readonly CostReportLoader costs;
    private readonly OptimizationReportLoader optimization;
    private readonly ReportWorkbookWriter writer;
    private readonly ReportRunStore runs;
    private readonly RetentionSimulationRunner retention;
    private readonly IOptions<PricingOptions> pricing;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<MonthlyReportGenerator> logger;

    public MonthlyReportGenerator(CostReportLoader costs, OptimizationReportLoader optimization,
        ReportWorkbookWriter writer, ReportRunStore runs, RetentionSimulationRunner retention,
        IOptions<PricingOptions> pricing, TimeProvider timeProvider, ILogger<MonthlyReportGenerator> logger)
    {
        this.costs = costs;
        this.optimization = optimization;
        this.writer = writer;
        this.runs = runs;
        this.retention = retention;
        this.pricing = pricing;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Writes the workbooks of <paramref name="month"/> into <paramref name="outputDirectory"/>.</summary>
    /// <param name="month">Any day of the month to report; the month must have started.</param>
    /// <param name="outputDirectory">Folder of the files; created when missing.</param>
    /// <param name="trigger"><c>command</c> or <c>schedule</c>, recorded with the run.</param>
    /// <param name="cancellationToken">Stops the run; files already renamed into place stay.</param>
    public async Task<MonthlyReportOutcome> GenerateAsync(DateOnly month, string outputDirectory, string trigger,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var startedAt = timeProvider.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        var period = ReportPeriod.For(month, DateOnly.FromDateTime(startedAt.UtcDateTime));
        logger.ReportRunStarting(period.Month, period.MonthToDate, trigger);

        var snapshotDay = await costs.SnapshotDayAsync(period, cancellationToken);
        if (snapshotDay is null)
        {
            logger.ReportRunNoSnapshots(period.Month);
        }

        if (period.MonthToDate)
        {
            await retention.SimulateAsync(startedAt, cancellationToken);
        }

        // The cost queries keep PostgreSQL busy while the optimization rows mostly cost this process CPU to map,
        // so both loads run at once; the cost workbook is written while the optimization rows still arrive.
        var fullPath = Path.GetFullPath(outputDirectory);
        using var loadCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var optimizationLoad = optimization.LoadAsync(
            period, pricing.Value.Currency, startedAt, loadCancellation.Token);
        ReportFile costFile;
        int imageCount;
        try
        {
            var costData = await costs.LoadAsync(period, pricing.Value, startedAt, cancellationToken);
            imageCount = costData.Images.Count;
            costFile = await writer.WriteCostsAsync(costData, fullPath, cancellationToken);
        }
        catch
        {
            // The optimization load is stopped and awaited, so it never runs on unobserved after a failure.
            await loadCancellation.CancelAsync();
            await ((Task)optimizationLoad).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        var optimizationData = await optimizationLoad;
        var optimizationFile = await writer.WriteOptimizationAsync(optimizationData, fullPath, cancellationToken);
        var result = new ReportRunResult(period.Month, [costFile, optimizationFile]);

        var runId = await runs.RecordAsync(period, snapshotDay, result, trigger, fullPath, startedAt,
            timeProvider.GetUtcNow(), cancellationToken);
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        logger.ReportRunCompleted(period.Month, runId, imageCount, optimizationData.Ranked.Count,
            snapshotDay, elapsedMs);
        return new MonthlyReportOutcome(runId, period, snapshotDay, result);
    }
}
