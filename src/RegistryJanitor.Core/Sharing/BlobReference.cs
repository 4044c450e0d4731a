namespace RegistryJanitor.Core.Sharing;

/// <summary>A blob (layer or config) as a manifest's descriptor names it: digest and descriptor size.</summary>
/// <param name="Digest">The blob digest, e.g. <c>sha256:…</c>.</param>
/// <param name="Size">The descriptor size in bytes (compressed, as stored and transferred).</param>
public sealed record BlobReference(string Digest, long Size);
