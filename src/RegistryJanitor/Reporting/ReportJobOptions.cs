using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Reporting;

/// <summary>The <c>ReportJob</c> section: when the monthly report is written.</summary>
public sealed class ReportJobOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "ReportJob";

    /// <summary>
    /// Quartz cron expression (UTC). Default <c>0 0 6 1 * ?</c>: 06:00 on the 1st, reporting the previous month.
    /// </summary>
    [Required]
    public string Schedule { get; set; } = "0 0 6 1 * ?";

    /// <summary>
    /// Quartz cron expression (UTC) of the daily retention simulation. Default <c>0 0 4 * * ?</c>: 04:00 every
    /// day, after the daily cost job's default 03:30, so the last day of a month is simulated before the monthly
    /// report reads it.
    /// </summary>
    [Required]
    public string RetentionSchedule { get; set; } = "0 0 4 * * ?";
}
