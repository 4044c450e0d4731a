using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Options;

/// <summary>How the <c>run</c> service listens, starts and stops: the <c>Service</c> section.</summary>
public sealed class ServiceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Service";

    /// <summary>
    /// URLs the HTTP endpoint (health, metrics) listens on, separated by <c>;</c>. Default <c>http://0.0.0.0:8080</c>.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    public string Urls { get; set; } = "http://0.0.0.0:8080";

    /// <summary>
    /// How long running jobs may go on after SIGTERM before they are asked to cancel. Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "must be between 00:00:00 and 01:00:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Pause between attempts to reach PostgreSQL while the service starts (it keeps serving <c>/health/live</c>
    /// and answers 503 on <c>/health/ready</c> meanwhile). Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "must be between 00:00:00.100 and 00:10:00")]
    public TimeSpan StartupRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// URL the <c>healthcheck</c> command calls. Default: empty, meaning <c>/health/ready</c> on the first of
    /// <see cref="Urls"/>, with a wildcard host (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>, <c>[::]</c>) read as loopback.
    /// </summary>
    public Uri? HealthCheckUrl { get; set; }

    /// <summary>
    /// Longest wait for one readiness answer: the database probe behind <c>/health/ready</c>, and the
    /// <c>healthcheck</c> command's HTTP call. Default 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "must be between 00:00:00.100 and 00:05:00")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
