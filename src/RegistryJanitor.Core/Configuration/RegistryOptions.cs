using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Core.Configuration;

/// <summary>One registry to scan: an element of the <c>Registries</c> list in configuration.</summary>
public sealed class RegistryOptions
{
    /// <summary>Short unique name used in reports, commands (<c>--registry</c>) and the database. Required.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$",
        ErrorMessage = "must be 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit")]
    public string Name { get; set; } = string.Empty;

    /// <summary>How the registry is reached. Default <see cref="RegistryProvider.Oci"/>.</summary>
    public RegistryProvider Provider { get; set; } = RegistryProvider.Oci;

    /// <summary>Base URL, e.g. <c>https://registry.example.com</c>. Required.</summary>
    [Required]
    public Uri? Url { get; set; }

    /// <summary>User name for Basic or token auth. Empty for anonymous access.</summary>
    public string? Username { get; set; }

    /// <summary>Password or token. Prefer <see cref="PasswordFile"/> in clusters. Never logged or stored.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Path of a file holding the password (a mounted secret); read at start into <see cref="Password"/>.
    /// </summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// Repository glob patterns to include (<c>*</c> within a path segment, <c>**</c> across). Default: all.
    /// </summary>
    public IList<string> Include { get; } = [];

    /// <summary>Repository glob patterns to exclude; applied after <see cref="Include"/>.</summary>
    public IList<string> Exclude { get; } = [];

    /// <summary>
    /// Explicit repository list for registries without a catalog (Docker Hub, GHCR). Empty: use the catalog.
    /// </summary>
    public IList<string> Repositories { get; } = [];

    /// <summary>Quartz cron expression for scheduled scans. Default: every day at 02:00.</summary>
    [Required]
    public string Schedule { get; set; } = "0 0 2 * * ?";

    /// <summary>Concurrent requests to this registry's host. Default 8.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Largest config blob read, in bytes. Default 8 MiB.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxConfigBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>
    /// What tells a re-scan which repositories changed. Default <see cref="RegistryChangeFeed.None"/>: every tag
    /// is checked. <see cref="RegistryChangeFeed.Notifications"/> needs <c>RegistryEvents:Enabled</c> and the
    /// registry's notifications pointed at the receiver.
    /// </summary>
    public RegistryChangeFeed ChangeFeed { get; set; } = RegistryChangeFeed.None;

    /// <summary>
    /// With a change feed: the longest a repository goes without a full read of its tags, whatever the feed says.
    /// It bounds what a lost notification (a registry restarted with events still queued) can hide. Default 1 day.
    /// </summary>
    public TimeSpan FullScanInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Provider-specific settings (ACR audience, AWS region, ...), free-form key/value pairs.</summary>
    public IDictionary<string, string> Settings { get; } =
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
