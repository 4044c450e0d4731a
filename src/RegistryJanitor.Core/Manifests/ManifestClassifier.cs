using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Core.Manifests;

/// <summary>
/// Decides what a manifest is from what the registry serves. Pure. The rule of the spec applies:
/// <c>artifactType</c> wins, then the config media type; only the two image config types mean an image.
/// </summary>
public static class ManifestClassifier
{
    /// <summary>The index annotation BuildKit puts on an attestation entry.</summary>
    public const string ReferenceTypeAnnotation = "vnd.docker.reference.type";

    /// <summary>The index annotation naming the manifest an attestation entry describes.</summary>
    public const string ReferenceDigestAnnotation = "vnd.docker.reference.digest";

    private static readonly string[] SbomMarkers = ["spdx", "cyclonedx", "syft"];

    /// <summary>Classifies <paramref name="manifest"/>.</summary>
    /// <param name="manifest">The parsed manifest or index.</param>
    /// <param name="referencedBy">The index entry that points at it, when it was reached through an index.</param>
    public static ManifestKind Classify(ManifestDocument manifest, Descriptor? referencedBy = null)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.IsIndex)
        {
            return ClassifyIndex(manifest);
        }

        if (IsAttestationEntry(referencedBy))
        {
            return ManifestKind.Attestation;
        }

        var type = manifest.ArtifactType ?? manifest.Config?.MediaType ?? string.Empty;
        var byType = ClassifyType(type, manifest.Layers);
        if (byType is not null)
        {
            return byType.Value;
        }

        if (MediaTypes.IsImageConfig(type))
        {
            // A legacy BuildKit attestation carries an image config type but only in-toto layers.
            return manifest.Layers.Count > 0 && manifest.Layers.All(l => l.MediaType == MediaTypes.InToto)
                ? ManifestKind.Attestation
                : ManifestKind.Image;
        }

        return ManifestKind.Artifact;
    }

    /// <summary>True when an index entry is a BuildKit attestation entry (by its annotation).</summary>
    public static bool IsAttestationEntry(Descriptor? entry) =>
        entry is not null
        && string.Equals(entry.Annotation(ReferenceTypeAnnotation), "attestation-manifest", StringComparison.Ordinal);

    /// <summary>True when an index entry points at a manifest (not a cache layer blob) and should be fetched.</summary>
    public static bool IsManifestEntry(Descriptor entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return MediaTypes.IsIndex(entry.MediaType) || MediaTypes.IsImageManifest(entry.MediaType)
            || entry.MediaType.Length == 0;
    }

    private static ManifestKind ClassifyIndex(ManifestDocument index)
    {
        // The older BuildKit cache export is an index whose entries are layer blobs and one cache config.
        if (index.Manifests.Any(m => m.MediaType == MediaTypes.BuildKitCacheConfig))
        {
            return ManifestKind.BuildCache;
        }

        if (index.ArtifactType is not null)
        {
            return ClassifyType(index.ArtifactType, []) ?? ManifestKind.Artifact;
        }

        // A referrers list (the sha256-<hex> fallback tag) lists artifacts, not runnable platform images.
        if (index.Manifests.Count > 0 && index.Manifests.All(m => m.ArtifactType is not null && m.Platform is null))
        {
            return ManifestKind.Artifact;
        }

        return ManifestKind.Index;
    }

    private static ManifestKind? ClassifyType(string type, IReadOnlyList<Descriptor> layers)
    {
        switch (type)
        {
            case MediaTypes.BuildKitCacheConfig:
                return ManifestKind.BuildCache;
            case MediaTypes.DockerAttestationManifest or MediaTypes.DockerAttestationConfig:
                return ManifestKind.Attestation;
            case MediaTypes.SigstoreBundle or MediaTypes.NotarySignature:
                return ManifestKind.Signature;
            case MediaTypes.HelmConfig:
                return ManifestKind.HelmChart;
        }

        if (SbomMarkers.Any(marker => type.Contains(marker, StringComparison.OrdinalIgnoreCase)))
        {
            return ManifestKind.Sbom;
        }

        if (layers.Count == 0 || MediaTypes.IsImageConfig(type) && !layers.All(IsArtifactLayer))
        {
            return null;
        }

        // Cosign's tag scheme stores signatures, attestations and SBOMs with an ordinary config type, so
        // the layers decide.
        if (layers.Any(l => l.MediaType == MediaTypes.CosignSimpleSigning))
        {
            return ManifestKind.Signature;
        }

        if (layers.Any(l => l.MediaType == MediaTypes.DsseEnvelope))
        {
            return ManifestKind.Attestation;
        }

        if (layers.Any(l => SbomMarkers.Any(m => l.MediaType.Contains(m, StringComparison.OrdinalIgnoreCase))))
        {
            return ManifestKind.Sbom;
        }

        return null;
    }

    private static bool IsArtifactLayer(Descriptor layer) =>
        layer.MediaType == MediaTypes.CosignSimpleSigning || layer.MediaType == MediaTypes.DsseEnvelope
        || SbomMarkers.Any(m => layer.MediaType.Contains(m, StringComparison.OrdinalIgnoreCase));
}
