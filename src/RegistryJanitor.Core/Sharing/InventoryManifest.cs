namespace RegistryJanitor.Core.Sharing;

/// <summary>One manifest present in one repository, as the inventory stores it.</summary>
/// <param name="Repository">The repository holding it.</param>
/// <param name="Digest">The manifest digest.</param>
/// <param name="Kind">Image, index, build cache, referrer or artifact.</param>
/// <param name="ManifestBytes">Size of the manifest document itself, as the registry stores it.</param>
/// <param name="Config">The config blob; null for indexes.</param>
/// <param name="Layers">The layer descriptors in order; empty for indexes.</param>
/// <param name="Children">Digests of child manifests (indexes only), present in the same repository.</param>
/// <param name="Tags">Tags pointing at it; empty when untagged.</param>
/// <param name="PushedAt">When it was pushed or first seen.</param>
/// <param name="UntaggedSince">When it lost its last tag, when known.</param>
/// <param name="LastPulledAt">When it was last pulled, when known.</param>
/// <param name="SubjectDigest">The subject of a referrer (OCI subject or cosign tag); null otherwise.</param>
/// <param name="BaseName">The <c>org.opencontainers.image.base.name</c> annotation, when present.</param>
/// <param name="BaseDigest">The <c>org.opencontainers.image.base.digest</c> annotation, when present.</param>
public sealed record InventoryManifest(
    string Repository,
    string Digest,
    ManifestKind Kind,
    long ManifestBytes,
    BlobReference? Config,
    IReadOnlyList<BlobReference> Layers,
    IReadOnlyList<string> Children,
    IReadOnlyList<InventoryTag> Tags,
    DateTimeOffset PushedAt,
    DateTimeOffset? UntaggedSince = null,
    DateTimeOffset? LastPulledAt = null,
    string? SubjectDigest = null,
    string? BaseName = null,
    string? BaseDigest = null)
{
    /// <summary>The presence key.</summary>
    public ManifestKey Key => new(Repository, Digest);

    /// <summary>Config and layers, the blobs this manifest references directly.</summary>
    public IEnumerable<BlobReference> Blobs => Config is null ? Layers : Layers.Prepend(Config);
}
