namespace RegistryJanitor.Reports.Model;

/// <summary>One tag of one repository (the Images sheet has one row per tag).</summary>
public sealed record ImageCostRow
{
    public required string Registry { get; init; }

    public required string Repository { get; init; }

    public required string Tag { get; init; }

    public required string Digest { get; init; }

    public string? MediaType { get; init; }

    public DateTimeOffset? PushedAt { get; init; }

    public required long ImageBytes { get; init; }

    public required long ExclusiveBytes { get; init; }

    public required long AmortizedBytes { get; init; }

    public required long Pulls { get; init; }

    public required long EgressBytes { get; init; }

    public required string PullSource { get; init; }
}
