namespace RegistryJanitor.Core.Manifests;

/// <summary>The platform an index entry or a config declares, e.g. <c>linux/arm64/v8</c>.</summary>
/// <param name="Os">Operating system (GOOS value), e.g. <c>linux</c>.</param>
/// <param name="Architecture">CPU architecture (GOARCH value), e.g. <c>amd64</c>.</param>
/// <param name="Variant">CPU variant such as <c>v7</c> or <c>v8</c>, when given.</param>
/// <param name="OsVersion">Operating system version (Windows images), when given.</param>
public sealed record Platform(string Os, string Architecture, string? Variant, string? OsVersion)
{
    /// <summary>True for the <c>unknown/unknown</c> platform BuildKit gives attestation manifests.</summary>
    public bool IsUnknown =>
        string.Equals(Os, "unknown", StringComparison.Ordinal)
        && string.Equals(Architecture, "unknown", StringComparison.Ordinal);

    public override string ToString() => Variant is null ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";
}
