namespace RegistryJanitor.Storage.Costs;

/// <summary>Registry-wide counts read back from the working tables.</summary>
internal sealed record RegistrySummaryRow(
    int Repositories, int Tags, int Manifests, long LogicalBytes, long StoredBytes);
