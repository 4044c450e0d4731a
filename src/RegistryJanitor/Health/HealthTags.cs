namespace RegistryJanitor.Health;

/// <summary>Tags that place a health check behind an endpoint.</summary>
/// <example>
/// A feature adds a readiness condition with
/// <code>services.AddHealthChecks().AddCheck&lt;MyCheck&gt;("my-check", tags: [HealthTags.Ready]);</code>
/// </example>
public static class HealthTags
{
    /// <summary>
    /// Checks behind <c>/health/ready</c>: the replica can do its work. <c>/health/live</c> runs none.
    /// </summary>
    public const string Ready = "ready";
}
