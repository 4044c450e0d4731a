namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>A child digest listed by an index.</summary>
internal sealed record InventoryChildRow(long ManifestId, string Digest);
