namespace RegistryJanitor.Core.Costs;

/// <summary>The egress cost of pulls of one image or repository in a month.</summary>
/// <param name="Profile">The pricing profile name.</param>
/// <param name="PullSource">Where the pull count came from.</param>
/// <param name="Pulls">Pulls in the month (may be fractional when assumed).</param>
/// <param name="BytesPerPull">Bytes one pull transfers.</param>
/// <param name="EgressBytes">Pulls × bytes per pull.</param>
/// <param name="SameRegionCost">Cost of the same-region share.</param>
/// <param name="CrossRegionCost">Cost of the cross-region share.</param>
/// <param name="InternetCost">Cost of the internet share.</param>
public sealed record EgressCost(
    string Profile,
    PullCountSource PullSource,
    decimal Pulls,
    long BytesPerPull,
    decimal EgressBytes,
    decimal SameRegionCost,
    decimal CrossRegionCost,
    decimal InternetCost)
{
    /// <summary>Sum over the three sources.</summary>
    public decimal Total => SameRegionCost + CrossRegionCost + InternetCost;
}
