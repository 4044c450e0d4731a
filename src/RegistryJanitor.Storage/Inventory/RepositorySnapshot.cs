namespace RegistryJanitor.Storage.Inventory;

/// <summary>Everything one scan learned about one repository; written in one transaction.</summary>
/// <param name="RepositoryName">The repository name.</param>
/// <param name="Tags">Every tag resolved in this scan with the digest it points at.</param>
/// <param name="UnresolvedTags">Listed tags whose digest could not be read: their stored state is kept.</param>
/// <param name="NewManifests">Manifests not stored yet (stored once per digest; a repeat is ignored).</param>
/// <param name="Present">Every manifest known to be present in the repository.</param>
/// <param name="Deleted">Digests that were present before and are gone now.</param>
public sealed record RepositorySnapshot(
    string RepositoryName,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyCollection<string> UnresolvedTags,
    IReadOnlyList<ScannedManifest> NewManifests,
    IReadOnlyList<PresentManifest> Present,
    IReadOnlyCollection<string> Deleted);
