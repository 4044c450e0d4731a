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
}
