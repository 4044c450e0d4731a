namespace RegistryJanitor.Core.Costs;

/// <summary>Allocates repositories to teams: label first, then the longest matching prefix, else unallocated.</summary>
public sealed class TeamAllocator
{
    private readonly TeamAllocationOptions options;
    private readonly List<TeamPrefixRule> rulesLongestFirst;

    public TeamAllocator(TeamAllocationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        rulesLongestFirst = [.. options.PrefixRules.OrderByDescending(r => r.Prefix.Length)];
    }

    /// <summary>Allocates one repository; never drops it.</summary>
    /// <param name="repository">The repository name.</param>
    /// <param name="labels">Labels of the repository's newest image; may be empty.</param>
    public TeamAllocation Allocate(string repository, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(labels);

        if (!string.IsNullOrEmpty(options.LabelKey)
            && labels.TryGetValue(options.LabelKey, out var labelTeam)
            && !string.IsNullOrWhiteSpace(labelTeam))
        {
            return new TeamAllocation(repository, labelTeam.Trim(), AllocationBasis.Label, options.LabelKey);
        }

        foreach (var rule in rulesLongestFirst)
        {
            if (repository.StartsWith(rule.Prefix, StringComparison.Ordinal))
            {
                return new TeamAllocation(repository, rule.Team, AllocationBasis.Prefix, rule.Prefix);
            }
        }

        return new TeamAllocation(repository, options.UnallocatedTeam, AllocationBasis.Unallocated, null);
    }
}
