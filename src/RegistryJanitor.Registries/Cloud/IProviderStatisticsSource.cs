using RegistryJanitor.Registries.Aws;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>A provider that knows figures the registry API does not: billed storage and pull counts.</summary>
public interface IProviderStatisticsSource
{
    /// <summary>How many past days of pull counts to read on each scan.</summary>
    int PullMetricDays { get; }

    /// <summary>
    /// The storage the provider bills for the registry, in bytes; unavailable when it has no such API.
    /// </summary>
    Task<ProviderStatistic<long>> GetBilledStorageBytesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Pulls per repository and UTC day in [<paramref name="firstDay"/>, <paramref name="endDay"/>). A count with an
    /// empty <see cref="DailyPullCount.Repository"/> is registry-wide (the provider has no repository
    /// dimension); spreading it over repositories is an estimate and must be labelled as one.
    /// </summary>
    Task<ProviderStatistic<IReadOnlyList<DailyPullCount>>> GetDailyPullCountsAsync(
        IReadOnlyList<string> repositories, DateOnly firstDay, DateOnly endDay, CancellationToken cancellationToken);
}
