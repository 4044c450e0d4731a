namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>How a layer tar is compressed before it is pushed as a blob.</summary>
public enum LayerCompression
{
    /// <summary>The plain tar stream.</summary>
    None,

    /// <summary>gzip, the Docker and OCI default.</summary>
    Gzip,

    /// <summary>Zstandard (OCI media type only; Docker has no zstd layer type).</summary>
    Zstd,
}
