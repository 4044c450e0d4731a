using RegistryJanitor.Core.Manifests;

namespace RegistryJanitor.Storage.Inventory;

/// <summary>A manifest fetched, verified and parsed during a scan, ready to be stored once per digest.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="MediaType">The manifest media type.</param>
/// <param name="Kind">The classification.</param>
/// <param name="ArtifactType">The top-level artifactType, when given.</param>
/// <param name="SizeBytes">The size of the manifest body.</param>
/// <param name="SubjectDigest">The referrer subject, when any.</param>
/// <param name="Annotations">Top-level annotations.</param>
/// <param name="Config">Facts of the image config, when it is one and was read.</param>
/// <param name="Blobs">Config and layers referenced.</param>
/// <param name="Children">Index entries that are manifests.</param>
/// <param name="Error">Why facts are missing, when they are.</param>
public sealed record ScannedManifest(
    string Digest,
    string MediaType,
    ManifestKind Kind,
    string? ArtifactType,
    long SizeBytes,
    string? SubjectDigest,
    IReadOnlyDictionary<string, string> Annotations,
    ImageConfigFacts? Config,
    IReadOnlyList<BlobReference> Blobs,
    IReadOnlyList<ChildReference> Children,
    string? Error);
