namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>An image platform as a config and an index descriptor state it.</summary>
public sealed record ImagePlatform(string Os, string Architecture, string? Variant = null, string? OsVersion = null)
{
    /// <summary>linux/amd64.</summary>
    public static ImagePlatform LinuxAmd64 { get; } = new("linux", "amd64");

    /// <summary>linux/arm64/v8.</summary>
    public static ImagePlatform LinuxArm64 { get; } = new("linux", "arm64", "v8");

    /// <summary>The unknown/unknown platform BuildKit gives attestation manifests.</summary>
    public static ImagePlatform Unknown { get; } = new("unknown", "unknown");

    public override string ToString()
    {
        return Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
    }
}
