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
}
