namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>A registry's id and name.</summary>
internal sealed record ScannedRegistryRef(int Id, string Name);
