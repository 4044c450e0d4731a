namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>A current tag and when it was first seen on its manifest.</summary>
internal sealed record InventoryTagRow(long RepositoryId, long ManifestId, string Name, DateTime PushedAt);
