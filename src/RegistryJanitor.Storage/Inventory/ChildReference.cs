namespace RegistryJanitor.Storage.Inventory;

/// <summary>An entry of an index.</summary>
/// <param name="Position">The entry's index in <c>manifests[]</c>.</param>
/// <param name="Digest">The child manifest digest.</param>
/// <param name="MediaType">The entry media type.</param>
/// <param name="SizeBytes">The entry size.</param>
/// <param name="Os">Platform OS, when given.</param>
/// <param name="Architecture">Platform architecture, when given.</param>
/// <param name="Variant">Platform variant, when given.</param>
/// <param name="OsVersion">Platform OS version, when given.</param>
/// <param name="IsAttestation">True for a BuildKit attestation entry.</param>
/// <param name="AttestsDigest">For attestation entries, the digest of the manifest described.</param>
public sealed record ChildReference(
    int Position,
    string Digest,
    string MediaType,
    long SizeBytes,
    string? Os,
    string? Architecture,
    string? Variant,
    string? OsVersion,
    bool IsAttestation,
    string? AttestsDigest);
