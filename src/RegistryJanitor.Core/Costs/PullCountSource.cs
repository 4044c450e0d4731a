namespace RegistryJanitor.Core.Costs;

/// <summary>Where a pull count came from; every egress figure carries it so readers can judge it.</summary>
public enum PullCountSource
{
    /// <summary>A provider metric (ACR or ECR pull counts).</summary>
    ProviderMetric,

    /// <summary>Counted from the registry's own notification events.</summary>
    RegistryEvents,

    /// <summary>Estimated from a configured assumption (deploys per month × replicas).</summary>
    ConfiguredAssumption,

    /// <summary>No source applied; the count is zero and says so.</summary>
    None,
}
