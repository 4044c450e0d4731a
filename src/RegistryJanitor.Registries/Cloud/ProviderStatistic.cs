namespace RegistryJanitor.Registries.Cloud;

/// <summary>
/// A figure only the cloud provider knows (billed storage, pull counts), or why it is unavailable. Missing
/// permissions make a statistic unavailable, not the scan failed.
/// </summary>
/// <typeparam name="T">The figure's type.</typeparam>
/// <param name="Value">The figure when <paramref name="Available"/>.</param>
/// <param name="Available">False when the provider did not give it.</param>
/// <param name="Source">
/// Where it came from, e.g. <c>azure:listUsages</c> or <c>cloudwatch:RepositoryPullCount</c>.
/// </param>
/// <param name="UnavailableReason">Why it is unavailable, e.g. <c>HTTP 403 AuthorizationFailed</c>.</param>
public sealed record ProviderStatistic<T>(T? Value, bool Available, string Source, string? UnavailableReason);
