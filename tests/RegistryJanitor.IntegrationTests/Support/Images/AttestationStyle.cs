namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>The three forms BuildKit versions have used for attestation manifests in an index.</summary>
public enum AttestationStyle
{
    /// <summary>An OCI image config with platform unknown/unknown (BuildKit's long-standing default).</summary>
    ImageConfig,

    /// <summary>Config media type <c>application/vnd.docker.attestation.config.v1+json</c>.</summary>
    AttestationConfig,

    /// <summary>
    /// <c>artifactType application/vnd.docker.attestation.manifest.v1+json</c>, the empty config and a
    /// <c>subject</c> pointing at the image manifest.
    /// </summary>
    OciArtifact,
}
