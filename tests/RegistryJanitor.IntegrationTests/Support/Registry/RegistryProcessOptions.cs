namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>How a private distribution registry for one test is configured.</summary>
public sealed class RegistryProcessOptions
{
    /// <summary>Whether DELETE of manifests and blobs is allowed. Default true.</summary>
    public bool DeleteEnabled { get; init; } = true;

    /// <summary>Users for htpasswd Basic auth (name → password, hashed with bcrypt). Null: no Basic auth.</summary>
    public IReadOnlyDictionary<string, string>? HtpasswdUsers { get; init; }

    /// <summary>Bearer token auth (see <see cref="TestTokenServer.RegistryAuth"/>). Null: no token auth.</summary>
    public RegistryTokenAuth? TokenAuth { get; init; }

    /// <summary>Notification endpoints the registry POSTs events to. Default none.</summary>
    public IReadOnlyList<RegistryNotificationEndpoint> Notifications { get; init; } = [];

    /// <summary>Registry log level (error, warn, info, debug). Default warn.</summary>
    public string LogLevel { get; init; } = "warn";
}
