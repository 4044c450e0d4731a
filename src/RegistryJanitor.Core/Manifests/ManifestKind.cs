namespace RegistryJanitor.Core.Manifests;

/// <summary>What a manifest is, as stored in <c>manifests.kind</c> (lowercase names).</summary>
public enum ManifestKind
{
    /// <summary>A runnable container image manifest.</summary>
    Image,

    /// <summary>An image index or manifest list of runnable images.</summary>
    Index,

    /// <summary>A BuildKit or in-toto attestation manifest (provenance, SBOM attestations).</summary>
    Attestation,

    /// <summary>A signature: cosign <c>.sig</c>, Sigstore bundle or Notation.</summary>
    Signature,

    /// <summary>A software bill of materials stored as an artifact (cosign <c>.sbom</c>, SPDX, CycloneDX).</summary>
    Sbom,

    /// <summary>A BuildKit registry cache export (<c>application/vnd.buildkit.cacheconfig.v0</c>).</summary>
    BuildCache,

    /// <summary>A Helm chart.</summary>
    HelmChart,

    /// <summary>Any other OCI artifact.</summary>
    Artifact,

    /// <summary>A manifest format the product does not analyse (Docker schema 1).</summary>
    Unsupported,
}
