using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Ranking;

/// <summary>The <c>Ranking:Job</c> section: when the service ranks images on its own.</summary>
public sealed class RankingJobOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Ranking:Job";

    /// <summary>
    /// Quartz cron expression (UTC). Default every day at 04:00, after the default 02:00 scans and 03:30 costs.
    /// </summary>
    [Required]
    public string Schedule { get; set; } = "0 0 4 * * ?";

    /// <summary>Also rank each time a layer analysis of any registry succeeds. Default true.</summary>
    public bool AfterAnalysis { get; set; } = true;

    /// <summary>Rank every tag instead of the newest tag of each repository. Default false.</summary>
    public bool AllTags { get; set; }
}
