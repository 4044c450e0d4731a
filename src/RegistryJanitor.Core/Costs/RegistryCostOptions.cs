using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Core.Costs;

/// <summary>
/// Cost settings of one registry: an element of <c>Pricing:Registries</c>, keyed by the registry name.
/// Registries without an entry use <see cref="PricingOptions.DefaultProfile"/> and the defaults below.
/// </summary>
public sealed class RegistryCostOptions
{
    /// <summary>Name of the pricing profile (a key of <c>Pricing:Profiles</c>). Default: the default profile.</summary>
    public string? Profile { get; set; }

    /// <summary>Deduplication scope of stored bytes. Default <see cref="DedupScope.Registry"/>.</summary>
    public DedupScope DedupScope { get; set; } = DedupScope.Registry;

    /// <summary>Share of pulls from the registry's own region, 0 to 1. Default 1.</summary>
    [Range(0.0, 1.0)]
    public decimal SameRegionShare { get; set; } = 1m;

    /// <summary>Share of pulls from other regions, 0 to 1. Default 0.</summary>
    [Range(0.0, 1.0)]
    public decimal CrossRegionShare { get; set; }

    /// <summary>Share of pulls from the internet, 0 to 1. Default 0.</summary>
    [Range(0.0, 1.0)]
    public decimal InternetShare { get; set; }

    /// <summary>What one pull transfers. Default <see cref="PullBytesBasis.Cold"/> (the upper bound).</summary>
    public PullBytesBasis PullBytes { get; set; } = PullBytesBasis.Cold;

    /// <summary>The share of pulls coming from <paramref name="source"/>.</summary>
    public decimal Share(PullSource source) => source switch
    {
        PullSource.SameRegion => SameRegionShare,
        PullSource.CrossRegion => CrossRegionShare,
        PullSource.Internet => InternetShare,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown pull source."),
    };
}
