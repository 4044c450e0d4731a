using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Options;

/// <summary>The clustered Quartz scheduler of the <c>run</c> service: the <c>Scheduler</c> section.</summary>
public sealed class SchedulerOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Scheduler";

    /// <summary>
    /// Scheduler name shared by every replica of one deployment (Quartz's <c>sched_name</c>); replicas with the same
    /// name on one database form a cluster. Default <c>RegistryJanitor</c>.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$",
        ErrorMessage = "must be 1-100 letters, digits, '.', '_' or '-', starting with a letter or digit")]
    public string Name { get; set; } = "RegistryJanitor";

    /// <summary>Jobs one replica runs at the same time. Default 2.</summary>
    [Range(1, 64, ErrorMessage = "must be between 1 and 64")]
    public int MaxConcurrentJobs { get; set; } = 2;

    /// <summary>
    /// How often a replica checks in with the cluster; a replica silent for a few intervals is presumed dead and its
    /// running jobs are recovered by another. Default 15 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "must be between 00:00:01 and 00:10:00")]
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long an idle replica waits before it looks for due triggers again. Work items another replica schedules
    /// reach this one only through the database, so this bounds how soon an idle replica joins a shared scan.
    /// Default 5 seconds (Quartz's own default is 30).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "must be between 00:00:01 and 00:05:00")]
    public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How late a trigger may fire before it counts as misfired (then its misfire policy applies). Default 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "must be between 00:00:01 and 1.00:00:00")]
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long rows of <c>job_runs</c> (the job history) are kept. Default 90 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "must be between 1 and 3650 days")]
    public TimeSpan JobHistoryRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Quartz cron expression of the job-history clean-up. Default every day at 03:30.</summary>
    [Required(ErrorMessage = "is required")]
    public string JobHistoryCleanupSchedule { get; set; } = "0 30 3 * * ?";
}
