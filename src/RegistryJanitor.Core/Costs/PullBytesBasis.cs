namespace RegistryJanitor.Core.Costs;

/// <summary>Which pull size one pull transfers, for egress estimates.</summary>
public enum PullBytesBasis
{
    /// <summary>Every layer of the image (a node that holds none of them).</summary>
    Cold,

    /// <summary>Only the layers missing from the previous tag of the repository (a node that ran that tag).</summary>
    Incremental,
}
