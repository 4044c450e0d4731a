namespace RegistryJanitor.Core.Costs;

/// <summary>Why a repository was allocated to its team.</summary>
public enum AllocationBasis
{
    /// <summary>The configured image label named the team.</summary>
    Label,

    /// <summary>A repository-prefix rule matched.</summary>
    Prefix,

    /// <summary>Nothing matched; the repository is shown as unallocated.</summary>
    Unallocated,
}
