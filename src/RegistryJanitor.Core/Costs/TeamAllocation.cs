namespace RegistryJanitor.Core.Costs;

/// <summary>The team a repository is allocated to, and why.</summary>
/// <param name="Repository">The repository name.</param>
/// <param name="Team">The team, or the unallocated team name.</param>
/// <param name="Basis">Label, prefix rule or unallocated.</param>
/// <param name="Rule">The label key or prefix that matched; null when unallocated.</param>
public sealed record TeamAllocation(string Repository, string Team, AllocationBasis Basis, string? Rule);
