namespace RegistryJanitor.Core.Sharing;

/// <summary>What deleting a set of manifests frees, each blob once.</summary>
/// <param name="BlobBytes">Layers and configs referenced only by the deleted manifests.</param>
/// <param name="ManifestBytes">Manifest documents no longer present anywhere in their dedup scope.</param>
/// <param name="Blobs">Distinct blobs freed.</param>
public sealed record FreedBytes(long BlobBytes, long ManifestBytes, int Blobs)
{
    /// <summary>Blobs plus manifest documents: what the registry's storage loses.</summary>
    public long Total => BlobBytes + ManifestBytes;
}
