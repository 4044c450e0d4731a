namespace RegistryJanitor.Core.Costs;

/// <summary>How repositories are allocated to teams: <c>Pricing:Allocation</c>.</summary>
public sealed class TeamAllocationOptions
{
    /// <summary>
    /// Image label (on the newest image of the repository) whose value names the team, e.g.
    /// <c>org.example.team</c>. Empty: labels are not used. Default empty. A label wins over prefix rules.
    /// </summary>
    public string? LabelKey { get; set; }

    /// <summary>Prefix rules; the longest matching prefix wins. Default none.</summary>
    public IList<TeamPrefixRule> PrefixRules { get; } = [];

    /// <summary>The team name for what no label or rule allocates. Default <c>unallocated</c>.</summary>
    public string UnallocatedTeam { get; set; } = "unallocated";
}
