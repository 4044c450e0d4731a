namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>Which family of media types a pushed manifest, config and its layers use.</summary>
public enum ImageFormat
{
    /// <summary>OCI image manifest, index, config and layer types.</summary>
    Oci,

    /// <summary>Docker schema 2 manifest, manifest list, container config and rootfs layer types.</summary>
    Docker,
}
