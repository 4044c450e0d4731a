namespace RegistryJanitor.Core.Ranking;

/// <summary>The OCI annotation (and label) keys that record an image's base.</summary>
public static class BaseImageAnnotations
{
    public const string BaseName = "org.opencontainers.image.base.name";

    public const string BaseDigest = "org.opencontainers.image.base.digest";
}
