namespace RegistryJanitor.Core.Model;

/// <summary>The media types the product recognises, by their registered names.</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerSchema1 = "application/vnd.docker.distribution.manifest.v1+json";
    public const string DockerSchema1Signed = "application/vnd.docker.distribution.manifest.v1+prettyjws";

    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";

    public const string OciLayerTar = "application/vnd.oci.image.layer.v1.tar";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public const string DockerForeignLayerGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    public const string BuildKitCacheConfig = "application/vnd.buildkit.cacheconfig.v0";
    public const string DockerAttestationConfig = "application/vnd.docker.attestation.config.v1+json";
    public const string DockerAttestationManifest = "application/vnd.docker.attestation.manifest.v1+json";
    public const string InToto = "application/vnd.in-toto+json";
    public const string DsseEnvelope = "application/vnd.dsse.envelope.v1+json";
    public const string CosignSimpleSigning = "application/vnd.dev.cosign.simplesigning.v1+json";
    public const string SigstoreBundle = "application/vnd.dev.sigstore.bundle.v0.3+json";
    public const string NotarySignature = "application/vnd.cncf.notary.signature";
    public const string HelmConfig = "application/vnd.cncf.helm.config.v1+json";

    /// <summary>The Accept header value for manifest requests: every manifest type we handle.</summary>
    public const string ManifestAccept =
        OciIndex + ", " + OciManifest + ", " + DockerManifestList + ", " + DockerManifest + ", " + DockerSchema1Signed;

    public static bool IsIndex(string? mediaType) => mediaType is OciIndex or DockerManifestList;

    public static bool IsImageManifest(string? mediaType) => mediaType is OciManifest or DockerManifest;

    public static bool IsSchema1(string? mediaType) => mediaType is DockerSchema1 or DockerSchema1Signed;

    public static bool IsImageConfig(string? mediaType) => mediaType is OciConfig or DockerConfig;
}
