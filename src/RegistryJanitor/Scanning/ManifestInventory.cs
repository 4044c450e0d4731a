using System.Text.RegularExpressions;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>Turns a parsed manifest into the rows the inventory stores. Pure.</summary>
internal static partial class ManifestInventory
{
    /// <summary>Blob references: the config at position 0 and the layers in order.</summary>
    public static List<BlobReference> Blobs(ManifestDocument manifest)
    {
        var blobs = new List<BlobReference>();
        if (manifest.Config is { } config)
        {
            blobs.Add(new BlobReference("config", 0, config.Digest.ToString(), config.Size, config.MediaType));
            blobs.AddRange(manifest.Layers.Select((layer, i) =>
                new BlobReference("layer", i, layer.Digest.ToString(), layer.Size, layer.MediaType)));
            return blobs;
        }

        // A BuildKit cache index lists its blobs as entries: the cache config and the layers.
        var layerPosition = 0;
        foreach (var entry in manifest.Manifests.Where(e => !ManifestClassifier.IsManifestEntry(e)))
        {
            var isConfig = entry.MediaType == MediaTypes.BuildKitCacheConfig;
            blobs.Add(new BlobReference(
                isConfig ? "config" : "layer",
                isConfig ? 0 : layerPosition++,
                entry.Digest.ToString(),
                entry.Size,
                entry.MediaType));
        }

        return blobs.DistinctBy(b => (b.Role, b.Position)).ToList();
    }

    /// <summary>Index entries that are manifests, with platform and attestation facts.</summary>
    public static List<ChildReference> Children(ManifestDocument manifest) =>
        manifest.Manifests
            .Select((entry, position) => (entry, position))
            .Where(e => ManifestClassifier.IsManifestEntry(e.entry))
            .Select(e => new ChildReference(
                e.position,
                e.entry.Digest.ToString(),
                e.entry.MediaType,
                e.entry.Size,
                e.entry.Platform?.Os,
                e.entry.Platform?.Architecture,
                e.entry.Platform?.Variant,
                e.entry.Platform?.OsVersion,
                ManifestClassifier.IsAttestationEntry(e.entry),
                ManifestClassifier.IsAttestationEntry(e.entry)
                    ? e.entry.Annotation(ManifestClassifier.ReferenceDigestAnnotation)
                    : null))
            .ToList();

    /// <summary>
    /// The subject a cosign-style tag names (<c>sha256-HEX.sig</c>, <c>.att</c>, <c>.sbom</c>, or the bare
    /// referrers fallback tag), or null.
    /// </summary>
    public static string? SubjectFromTag(string tag)
    {
        var match = CosignTag().Match(tag);
        return match.Success ? $"{match.Groups["alg"].Value}:{match.Groups["hex"].Value}" : null;
    }

    [GeneratedRegex("^(?<alg>sha256|sha512)-(?<hex>[0-9a-f]{64}|[0-9a-f]{128})(\\.(sig|att|sbom))?$")]
    private static partial Regex CosignTag();
}
