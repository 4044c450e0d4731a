namespace RegistryJanitor.Core.Layers;

/// <summary>An image manifest that could be analysed, with what ranks it.</summary>
/// <param name="ManifestDigest">The image manifest digest.</param>
/// <param name="ImageBytes">Image bytes (config plus layers, compressed).</param>
/// <param name="Pulls">Pulls in the ranking window; zero when unknown.</param>
/// <param name="Layers">Its layers, in order.</param>
public sealed record AnalysisCandidate(
    string ManifestDigest, long ImageBytes, long Pulls, IReadOnlyList<LayerBlobRef> Layers);
