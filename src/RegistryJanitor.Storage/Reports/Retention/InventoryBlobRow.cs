namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>A config or layer descriptor of a manifest.</summary>
internal sealed record InventoryBlobRow(long ManifestId, bool IsConfig, string Digest, long Size);
