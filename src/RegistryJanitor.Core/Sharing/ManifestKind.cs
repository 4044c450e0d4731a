namespace RegistryJanitor.Core.Sharing;

/// <summary>What a stored manifest is, as far as sharing and dead weight care.</summary>
public enum ManifestKind
{
    /// <summary>A runnable image manifest.</summary>
    Image,

    /// <summary>An image index or manifest list; its blobs are its children's.</summary>
    Index,

    /// <summary>A BuildKit registry cache manifest (not runnable).</summary>
    BuildCache,

    /// <summary>An artifact attached to another manifest (signature, SBOM, attestation).</summary>
    Referrer,

    /// <summary>Any other artifact (Helm chart, policy bundle, …).</summary>
    Artifact,
}
