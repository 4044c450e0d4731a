namespace RegistryJanitor.Storage.Inventory;

/// <summary>What the database holds about one repository before a scan.</summary>
/// <param name="Tags">Current tags and their digests.</param>
/// <param name="PresentDigests">Manifests recorded as present (not deleted).</param>
public sealed record StoredRepositoryState(
    IReadOnlyDictionary<string, string> Tags, IReadOnlyCollection<string> PresentDigests);
