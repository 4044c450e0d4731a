using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Events;

/// <summary>The <c>RegistryEvents</c> section: the receiver of registry notification events (pull counts).</summary>
public sealed class RegistryEventsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "RegistryEvents";

    /// <summary>Whether the receiver endpoint is mapped. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Path prefix of the endpoint; the registry name follows it, e.g. <c>/registry-events/prod</c> for the
    /// registry named <c>prod</c>. Default <c>/registry-events</c>.
    /// </summary>
    [Required]
    [RegularExpression(
        "^/[A-Za-z0-9/_-]*[A-Za-z0-9_-]$", ErrorMessage = "must be an absolute path such as /registry-events")]
    public string Path { get; set; } = "/registry-events";

    /// <summary>
    /// The exact <c>Authorization</c> header value the registry sends (e.g. <c>Bearer …</c>). Prefer
    /// <see cref="AuthorizationFile"/> in clusters. Never logged.
    /// </summary>
    public string? Authorization { get; set; }

    /// <summary>A file holding the header value (a mounted secret); re-read when it changes.</summary>
    public string? AuthorizationFile { get; set; }

    /// <summary>
    /// User-agent substrings of requests not counted as pulls, compared case-insensitively: the service's own
    /// scanning requests. Default <c>RegistryJanitor</c>.
    /// </summary>
    public IList<string> ExcludedUserAgents { get; } = ["RegistryJanitor"];

    /// <summary>Largest accepted batch body, in bytes. Default 4 MiB.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 4L * 1024 * 1024;
}
