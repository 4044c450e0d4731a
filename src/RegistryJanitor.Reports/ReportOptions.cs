using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Reports;

/// <summary>Settings of the monthly report workbooks (configuration section <c>Reports</c>).</summary>
public sealed class ReportOptions
{
    public const string SectionName = "Reports";

    /// <summary>
    /// Folder the workbooks are written to (a volume in the cluster); created when missing. Default: <c>reports</c>
    /// (relative to the working directory).
    /// </summary>
    [Required]
    public string OutputDirectory { get; set; } = "reports";

    /// <summary>
    /// A tagged image whose pull history is unknown is stale when it was pushed longer ago than this (Dead weight
    /// rows of kind <c>stale</c>). Default 180 days. Format d.hh:mm:ss.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan StaleAfterPush { get; set; } = TimeSpan.FromDays(180);

    /// <summary>
    /// A tagged image with a known last pull is stale when that pull is longer ago than this. Default 90 days.
    /// Format d.hh:mm:ss.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "3650.00:00:00")]
    public TimeSpan StaleAfterPull { get; set; } = TimeSpan.FromDays(90);
}
