namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>The config facts the scanner must store for an image, computed from the config the test wrote.</summary>
public sealed record ExpectedConfig(
    string Os,
    string Architecture,
    string? User,
    IReadOnlyList<string> EnvNames,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string>? Healthcheck,
    IReadOnlyList<string> ExposedPorts,
    IReadOnlyList<string> HistoryCreatedBy);
