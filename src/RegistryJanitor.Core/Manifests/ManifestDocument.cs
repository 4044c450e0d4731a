namespace RegistryJanitor.Core.Manifests;

/// <summary>A parsed manifest or index, as the registry served it.</summary>
/// <param name="MediaType">The effective media type (Content-Type, checked against the body's own field).</param>
/// <param name="ArtifactType">The top-level <c>artifactType</c>, when given.</param>
/// <param name="Config">The config descriptor (image manifests only).</param>
/// <param name="Layers">The layer descriptors in order (image manifests only).</param>
/// <param name="Manifests">The entries of an index, in order (indexes only).</param>
/// <param name="Subject">The <c>subject</c> descriptor of a referrer, when given.</param>
/// <param name="Annotations">Top-level annotations; empty when absent.</param>
public sealed record ManifestDocument(
    string MediaType,
    string? ArtifactType,
    Descriptor? Config,
    IReadOnlyList<Descriptor> Layers,
    IReadOnlyList<Descriptor> Manifests,
    Descriptor? Subject,
    IReadOnlyDictionary<string, string> Annotations)
{
    /// <summary>True for an OCI index or a Docker manifest list.</summary>
    public bool IsIndex => Config is null;
}
