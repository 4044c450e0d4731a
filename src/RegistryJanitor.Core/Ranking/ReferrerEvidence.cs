namespace RegistryJanitor.Core.Ranking;

/// <summary>Which supply-chain artifacts refer to an image (OCI referrers, cosign tags, index attestations).</summary>
/// <param name="HasSignature">A cosign, Sigstore or Notation signature exists.</param>
/// <param name="HasSbom">An SBOM artifact or an SBOM attestation exists.</param>
/// <param name="HasAttestation">A provenance or other in-toto attestation exists.</param>
public sealed record ReferrerEvidence(bool HasSignature, bool HasSbom, bool HasAttestation)
{
    /// <summary>Nothing refers to the image.</summary>
    public static ReferrerEvidence None { get; } = new(false, false, false);
}
