using RegistryJanitor.Core.Costs;

namespace RegistryJanitor.Core.Ranking;

/// <summary>The prices a registry's savings are converted with.</summary>
/// <param name="ProfileName">The pricing profile name, named in every money figure.</param>
/// <param name="Profile">The profile's prices.</param>
/// <param name="Registry">Pull shares by source for the registry.</param>
/// <param name="DaysInMonth">Days of the month being priced.</param>
public sealed record PricingContext(
    string ProfileName,
    PricingProfileOptions Profile,
    RegistryCostOptions Registry,
    int DaysInMonth);
