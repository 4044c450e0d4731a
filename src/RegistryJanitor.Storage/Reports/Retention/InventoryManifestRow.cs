namespace RegistryJanitor.Storage.Reports.Retention;

/// <summary>A present manifest as <see cref="RetentionInventorySql.SelectManifests"/> returns it.</summary>
internal sealed record InventoryManifestRow(
    long RepositoryId,
    string Repository,
    long ManifestId,
    string Digest,
    string Kind,
    long ManifestBytes,
    string? SubjectDigest,
    DateTime PushedAt,
    DateTime? UntaggedSince,
    DateTime? LastPulledAt);
