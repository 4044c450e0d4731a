namespace RegistryJanitor.Core.Costs;

/// <summary>Where pulls come from, which decides the egress price per GB.</summary>
public enum PullSource
{
    /// <summary>Clients in the registry's own region.</summary>
    SameRegion,

    /// <summary>Clients in another region of the same cloud.</summary>
    CrossRegion,

    /// <summary>Clients on the internet (outside the cloud).</summary>
    Internet,
}
