namespace RegistryJanitor.Reports.Model;

/// <summary>One registry for the month.</summary>
public sealed record RegistryCostRow
{
    public required string Registry { get; init; }

    /// <summary>Provider kind, for example <c>distribution</c>, <c>acr</c>, <c>ecr</c>.</summary>
    public required string Provider { get; init; }

    public required int Repositories { get; init; }

    public required int Tags { get; init; }

    public required int Manifests { get; init; }

    public required long LogicalBytes { get; init; }

    public required long StoredBytes { get; init; }

    public required long Pulls { get; init; }

    public required long EgressBytes { get; init; }

    /// <summary>Where the pull counts come from: provider metric, registry events or configured assumption.</summary>
    public required string PullSource { get; init; }

    /// <summary>
    /// Storage the provider bills for the registry (ACR listUsages <c>Size</c>), latest reading of the month;
    /// null when the provider reports none (generic registries, ECR).
    /// </summary>
    public long? BilledStorageBytes { get; init; }
}
