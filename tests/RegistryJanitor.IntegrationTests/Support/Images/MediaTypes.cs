namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>The media types the test builder writes (see the wire reference, section 2).</summary>
public static class MediaTypes
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayerTar = "application/vnd.oci.image.layer.v1.tar";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";
    public const string OciEmpty = "application/vnd.oci.empty.v1+json";

    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public const string DockerLayerTar = "application/vnd.docker.image.rootfs.diff.tar";

    public const string InToto = "application/vnd.in-toto+json";
    public const string DockerAttestationConfig = "application/vnd.docker.attestation.config.v1+json";
    public const string DockerAttestationManifest = "application/vnd.docker.attestation.manifest.v1+json";

    public const string CosignSimpleSigning = "application/vnd.dev.cosign.simplesigning.v1+json";
    public const string DsseEnvelope = "application/vnd.dsse.envelope.v1+json";
    public const string SpdxJson = "text/spdx+json";
    public const string SigstoreBundle = "application/vnd.dev.sigstore.bundle.v0.3+json";

    public const string BuildKitCacheConfig = "application/vnd.buildkit.cacheconfig.v0";

    public const string HelmConfig = "application/vnd.cncf.helm.config.v1+json";
    public const string HelmChartContent = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

    /// <summary>
    /// Every manifest type the builder reads back, for an Accept header.
    /// </summary>
    public const string AcceptManifests =
        OciIndex + ", " + OciManifest + ", " + DockerManifestList + ", " + DockerManifest;

    /// <summary>The layer media type for a compression in a format.</summary>
    /// <remarks>Docker has no zstd layer type: a zstd layer always carries the OCI type, as BuildKit does.</remarks>
    public static string Layer(ImageFormat format, LayerCompression compression)
    {
        return (format, compression) switch
        {
            (ImageFormat.Docker, LayerCompression.Gzip) => DockerLayerGzip,
            (ImageFormat.Docker, LayerCompression.None) => DockerLayerTar,
            (_, LayerCompression.Zstd) => OciLayerZstd,
            (_, LayerCompression.Gzip) => OciLayerGzip,
            _ => OciLayerTar,
        };
    }

    /// <summary>The image manifest media type of a format.</summary>
    public static string Manifest(ImageFormat format)
    {
        return format == ImageFormat.Docker ? DockerManifest : OciManifest;
    }

    /// <summary>The index (manifest list) media type of a format.</summary>
    public static string Index(ImageFormat format)
    {
        return format == ImageFormat.Docker ? DockerManifestList : OciIndex;
    }

    /// <summary>The image config media type of a format.</summary>
    public static string Config(ImageFormat format)
    {
        return format == ImageFormat.Docker ? DockerConfig : OciConfig;
    }
}
