using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Core.Manifests;

/// <summary>An OCI content descriptor: what a manifest says about a blob or another manifest.</summary>
/// <param name="MediaType">The media type of the referenced content.</param>
/// <param name="Digest">The digest of the referenced content.</param>
/// <param name="Size">The size in bytes of the referenced content.</param>
/// <param name="ArtifactType">The artifact type, when given.</param>
/// <param name="Platform">The platform (index entries only), when given.</param>
/// <param name="Annotations">Annotations; empty when absent.</param>
/// <param name="HasUrls">True when the descriptor lists external <c>urls</c> (foreign layers).</param>
public sealed record Descriptor(
    string MediaType,
    Digest Digest,
    long Size,
    string? ArtifactType,
    Platform? Platform,
    IReadOnlyDictionary<string, string> Annotations,
    bool HasUrls)
{
    /// <summary>The annotation value for <paramref name="key"/>, or null.</summary>
    public string? Annotation(string key) => Annotations.TryGetValue(key, out var value) ? value : null;
}
