namespace RegistryJanitor.Core.Layers;

/// <summary>A layer blob as an image manifest's descriptor gives it.</summary>
/// <param name="Digest">The blob digest, <c>sha256:…</c>.</param>
/// <param name="Size">Descriptor size: compressed bytes to download.</param>
/// <param name="MediaType">Descriptor media type.</param>
public sealed record LayerBlobRef(string Digest, long Size, string MediaType);
