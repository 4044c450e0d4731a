namespace RegistryJanitor.Reports.Model;

/// <summary>One simulated retention policy.</summary>
public sealed record RetentionPolicyRow
{
    public required string Policy { get; init; }

    public required string Description { get; init; }

    public required string Registry { get; init; }

    public required int ManifestsDeleted { get; init; }

    public required int TagsDeleted { get; init; }

    /// <summary>Blobs referenced only by deleted manifests, each once.</summary>
    public required long FreedBytes { get; init; }

    public required double MonthlySaving { get; init; }
}
