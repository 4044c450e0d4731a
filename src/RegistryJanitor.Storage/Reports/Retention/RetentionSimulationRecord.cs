namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>One row of <c>retention_simulations</c>: one policy simulated over one registry on one day.</summary>
public sealed record RetentionSimulationRecord
{
    public required DateTime Day { get; init; }

    public required int RegistryId { get; init; }

    public required string Registry { get; init; }

    public required string Policy { get; init; }

    public required int PolicyOrder { get; init; }

    public required string Description { get; init; }

    /// <summary><c>registry</c> or <c>repository</c>.</summary>
    public required string DedupScope { get; init; }

    /// <summary>Present manifests the policy was simulated over.</summary>
    public required int Manifests { get; init; }

    public required int ManifestsDeleted { get; init; }

    public required int TagsDeleted { get; init; }

    public required int FreedBlobs { get; init; }

    public required long FreedBlobBytes { get; init; }

    public required long FreedManifestBytes { get; init; }

    /// <summary>Blob plus manifest bytes the registry's storage would lose.</summary>
    public required long FreedBytes { get; init; }

    /// <summary>Freed bytes at the registry's storage list price, per month, in <see cref="Currency"/>.</summary>
    public required decimal MonthlySaving { get; init; }

    public required string Currency { get; init; }

    public required DateTime ComputedAt { get; init; }
}
