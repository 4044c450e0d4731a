namespace RegistryJanitor.Reports.Model;

/// <summary>
/// One team (or <c>unallocated</c>) for the month; its costs are summed from the Repositories sheet by formula.
/// </summary>
public sealed record TeamCostRow
{
    public required string Team { get; init; }

    /// <summary>How repositories were allocated: the label or prefix rule, or <c>unallocated</c>.</summary>
    public required string AllocationRule { get; init; }

    public required int Repositories { get; init; }

    public required int Tags { get; init; }

    public required long LogicalBytes { get; init; }

    /// <summary>
    /// Stored bytes of the team's repositories with the registry deduplication scope (not a sum of repositories).
    /// </summary>
    public required long StoredBytes { get; init; }

    public required long Pulls { get; init; }

    public required long EgressBytes { get; init; }
}
