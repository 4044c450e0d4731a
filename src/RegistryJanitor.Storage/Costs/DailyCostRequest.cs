using RegistryJanitor.Core.Costs;

namespace RegistryJanitor.Storage.Costs;

/// <summary>What the daily computation of one registry needs: the day and the registry's pricing settings.</summary>
/// <param name="RegistryId">The <c>registries.id</c>.</param>
/// <param name="Registry">The registry name.</param>
/// <param name="Day">The UTC day computed.</param>
/// <param name="Pricing">The whole <c>Pricing</c> section (profiles, registries, allocation, assumptions).</param>
/// <param name="ComputedAt">When the computation runs, recorded on the rows.</param>
public sealed record DailyCostRequest(
    int RegistryId,
    string Registry,
    DateOnly Day,
    PricingOptions Pricing,
    DateTimeOffset ComputedAt);
