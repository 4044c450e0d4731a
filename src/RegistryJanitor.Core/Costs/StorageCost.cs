namespace RegistryJanitor.Core.Costs;

/// <summary>The monthly storage cost of a number of stored bytes under one pricing profile.</summary>
/// <param name="Profile">The profile name, so every figure says where it came from.</param>
/// <param name="StoredBytes">The stored bytes priced.</param>
/// <param name="StoredGb">Stored bytes in the profile's billing unit.</param>
/// <param name="BillableGb">Stored GB beyond the included storage.</param>
/// <param name="DaysInMonth">Days the daily fee and per-day prices were multiplied by.</param>
/// <param name="FeeCost">Daily fee × days.</param>
/// <param name="OverageCost">Billable GB × (price per GB-month + price per GB-day × days).</param>
public sealed record StorageCost(
    string Profile,
    long StoredBytes,
    decimal StoredGb,
    decimal BillableGb,
    int DaysInMonth,
    decimal FeeCost,
    decimal OverageCost)
{
    /// <summary>Fee plus overage.</summary>
    public decimal Total => FeeCost + OverageCost;
}
