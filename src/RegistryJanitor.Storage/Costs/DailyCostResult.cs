using RegistryJanitor.Core.Costs;

namespace RegistryJanitor.Storage.Costs;

/// <summary>The registry-wide figures of one computed day.</summary>
public sealed record DailyCostResult(
    string Registry,
    DateOnly Day,
    int Repositories,
    int Tags,
    int Manifests,
    long LogicalBytes,
    long StoredBytes,
    StorageCost MonthlyStorageCost,
    decimal DailyStorageCost);
