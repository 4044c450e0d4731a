namespace RegistryJanitor.Core.Ranking;

/// <summary>One layer descriptor of an image.</summary>
/// <param name="Digest">The layer blob digest.</param>
/// <param name="SizeBytes">Descriptor size (compressed, as stored and transferred).</param>
/// <param name="SharedWithOtherManifests">True when another present manifest references the same blob.</param>
public sealed record LayerEvidence(string Digest, long SizeBytes, bool SharedWithOtherManifests);
