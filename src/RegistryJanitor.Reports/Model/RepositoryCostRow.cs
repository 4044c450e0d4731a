namespace RegistryJanitor.Reports.Model;

/// <summary>One repository for the month.</summary>
public sealed record RepositoryCostRow
{
    public required string Registry { get; init; }

    public required string Repository { get; init; }

    /// <summary>Owning team; must match a <see cref="TeamCostRow.Team"/> (use <c>unallocated</c> when none).</summary>
    public required string Team { get; init; }

    public required int Tags { get; init; }

    public required int Manifests { get; init; }

    public required long LogicalBytes { get; init; }

    public required long StoredBytes { get; init; }

    public required long Pulls { get; init; }

    public required long EgressBytes { get; init; }

    public required string PullSource { get; init; }
}
