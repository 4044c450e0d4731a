namespace RegistryJanitor.Storage.Costs;

/// <summary>One counted manifest pull from a registry notification.</summary>
/// <param name="EventId">The registry's event id, used to ignore re-sent events.</param>
/// <param name="Registry">The configured registry name.</param>
/// <param name="Repository">The repository pulled from.</param>
/// <param name="ManifestDigest">The manifest pulled.</param>
/// <param name="Day">The UTC day of the event.</param>
public sealed record PullEvent(string EventId, string Registry, string Repository, string ManifestDigest, DateOnly Day);
