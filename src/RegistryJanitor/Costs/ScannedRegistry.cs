namespace RegistryJanitor.Costs;

/// <summary>A registry row of the inventory.</summary>
internal sealed record ScannedRegistry(int Id, string Name);
