namespace RegistryJanitor.Registries.Acr;

/// <summary>Registry-wide pulls of one UTC day from Azure Monitor <c>TotalPullCount</c> (Total).</summary>
/// <remarks>ACR pull metrics have no repository dimension; spreading them over repositories is an estimate.</remarks>
public sealed record DailyRegistryPullCount(DateOnly Day, long Pulls);
