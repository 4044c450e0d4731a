namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>A <c>manifests</c> row with its blob and child rows, as strings the expectations compare with.</summary>
public sealed record StoredManifest(
    string Digest,
    string MediaType,
    string Kind,
    long Size,
    string? Os,
    string? Architecture,
    string? ConfigUser,
    string? EnvNames,
    string? Labels,
    string? Healthcheck,
    string? ExposedPorts,
    string? History)
{
    public IReadOnlyList<string> Blobs { get; init; } = [];

    public IReadOnlyList<string> Children { get; init; } = [];
}
