using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Reports;
using RegistryJanitor.Storage.Reports;

namespace RegistryJanitor.Reporting;

/// <summary>
/// Writes the previous month's workbooks (as of the run time, UTC) into <see cref="ReportOptions.OutputDirectory"/>.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MonthlyReportJob : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("monthly-report", "reports");

    private readonly MonthlyReportGenerator generator;
    private readonly IOptions<ReportOptions> options;
    private readonly TimeProvider timeProvider;

    public MonthlyReportJob(MonthlyReportGenerator generator, IOptions<ReportOptions> options,
        TimeProvider timeProvider)
    {
        this.generator = generator;
        this.options = options;
        this.timeProvider = timeProvider;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        var previousMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        await generator.GenerateAsync(previousMonth, options.Value.OutputDirectory, "schedule", cancellationToken);
    }
}
