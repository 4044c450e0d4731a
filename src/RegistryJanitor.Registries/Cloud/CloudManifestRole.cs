namespace RegistryJanitor.Registries.Cloud;

/// <summary>Why a manifest listed by a cloud registry is present, as far as its metadata API tells.</summary>
public enum CloudManifestRole
{
    /// <summary>At least one tag points at it.</summary>
    Tagged,

    /// <summary>Untagged, but a child of an index in the same repository (platform image or attestation).</summary>
    IndexChild,

    /// <summary>Untagged artifact that refers to another manifest (signature, SBOM, attestation).</summary>
    Referrer,

    /// <summary>Untagged and referenced by nothing the listing shows: a dangling manifest.</summary>
    Untagged,
}
