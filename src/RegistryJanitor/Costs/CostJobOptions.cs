using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Costs;

/// <summary>The <c>CostJob</c> section: when the daily cost computation runs.</summary>
public sealed class CostJobOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "CostJob";

    /// <summary>Quartz cron expression (UTC). Default every day at 03:30, after the default 02:00 scans.</summary>
    [Required]
    public string Schedule { get; set; } = "0 30 3 * * ?";

    /// <summary>How long registry event ids are kept to recognise re-sent events. Default 7 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan EventReceiptRetention { get; set; } = TimeSpan.FromDays(7);
}
