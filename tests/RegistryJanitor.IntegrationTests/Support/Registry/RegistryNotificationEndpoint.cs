namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>One <c>notifications.endpoints</c> entry of a distribution registry configuration.</summary>
/// <param name="Name">Endpoint name (shows in the registry's log).</param>
/// <param name="Url">Where the registry POSTs event batches.</param>
/// <param name="Headers">Extra request headers, e.g. Authorization.</param>
/// <param name="Timeout">Per-request timeout (default 2 s).</param>
/// <param name="Threshold">Failures before the endpoint backs off (default 5).</param>
/// <param name="Backoff">Wait after reaching the threshold (default 1 s).</param>
/// <param name="IgnoredMediaTypes">Target media types whose events are not sent.</param>
/// <param name="IgnoredActions">Actions (pull, push, delete, mount) whose events are not sent.</param>
public sealed record RegistryNotificationEndpoint(
    string Name,
    Uri Url,
    IReadOnlyDictionary<string, string>? Headers = null,
    TimeSpan? Timeout = null,
    int Threshold = 5,
    TimeSpan? Backoff = null,
    IReadOnlyList<string>? IgnoredMediaTypes = null,
    IReadOnlyList<string>? IgnoredActions = null);
