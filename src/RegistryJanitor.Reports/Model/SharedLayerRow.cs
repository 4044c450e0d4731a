namespace RegistryJanitor.Reports.Model;

/// <summary>One blob among the most referenced ones.</summary>
public sealed record SharedLayerRow
{
    public required string Registry { get; init; }

    public required string Digest { get; init; }

    public required long SizeBytes { get; init; }

    public required int ReferencingManifests { get; init; }

    public required int ReferencingRepositories { get; init; }

    /// <summary>Base-image family the blob belongs to, or null when it is not part of a family.</summary>
    public string? BaseFamily { get; init; }

    public string? MediaType { get; init; }
}
