using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Registries;

/// <summary>How registry HTTP requests are retried and timed out (section <c>RegistryClient</c>).</summary>
public sealed class RegistryClientOptions
{
    public const string SectionName = "RegistryClient";

    /// <summary>Timeout of one attempt until the response headers arrive. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a request including all its retries and waits. Default 5 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "02:00:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after the first attempt (429, 5xx, 408, timeouts, connection failures). Default 6.</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 6;

    /// <summary>First backoff delay; doubles each retry, with jitter. Default 500 milliseconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single wait, including a server's <c>Retry-After</c>. Default 60 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:30:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(60);
}
