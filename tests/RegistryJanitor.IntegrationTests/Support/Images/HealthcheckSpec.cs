namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>A Docker config Healthcheck; durations are written as integer nanoseconds.</summary>
/// <param name="Test"><c>["CMD-SHELL", "curl -f http://x/"]</c>, <c>["CMD", ...]</c> or <c>["NONE"]</c>.</param>
/// <param name="Interval">Time between checks.</param>
/// <param name="Timeout">Time a check may take.</param>
/// <param name="StartPeriod">Grace period after start.</param>
/// <param name="Retries">Failures before unhealthy.</param>
public sealed record HealthcheckSpec(
    IReadOnlyList<string> Test,
    TimeSpan? Interval = null,
    TimeSpan? Timeout = null,
    TimeSpan? StartPeriod = null,
    int? Retries = null);
