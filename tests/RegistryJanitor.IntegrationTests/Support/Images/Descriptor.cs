namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>An OCI/Docker content descriptor as written into manifests and indexes.</summary>
public sealed record Descriptor(
    string MediaType,
    string Digest,
    long Size,
    ImagePlatform? Platform = null,
    IReadOnlyDictionary<string, string>? Annotations = null,
    string? ArtifactType = null)
{
    /// <summary>The OCI empty descriptor (<c>{}</c>, 2 bytes).</summary>
    public static Descriptor Empty { get; } = new(MediaTypes.OciEmpty, EmptyDigest, 2);

    /// <summary>Digest of the two bytes <c>{}</c>.</summary>
    public const string EmptyDigest = "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";
}
