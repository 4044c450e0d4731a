namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>What the scanner must store for one pushed manifest, computed from what the builder returned.</summary>
public sealed record ExpectedManifest(
    string Digest,
    string MediaType,
    string Kind,
    long Size,
    IReadOnlyList<string> Blobs,
    IReadOnlyList<string> Children,
    ExpectedConfig? Config);
