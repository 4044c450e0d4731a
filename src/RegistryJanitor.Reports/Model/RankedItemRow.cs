namespace RegistryJanitor.Reports.Model;

/// <summary>One ranked image.</summary>
public sealed record RankedItemRow
{
    public required int Rank { get; init; }

    public required string Registry { get; init; }

    public required string Repository { get; init; }

    public required string Tag { get; init; }

    public required string Digest { get; init; }

    public required string Scenario { get; init; }

    public required string RecommendedApproach { get; init; }

    public required long SavingsBytes { get; init; }

    /// <summary>Money saved per month in the report currency, as the ranking computed it.</summary>
    public required double SavingsPerMonth { get; init; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public required string Effort { get; init; }

    /// <summary>Confidence between 0 and 1.</summary>
    public required double Confidence { get; init; }

    public required string TopFindings { get; init; }

    /// <summary>Why the image was placed in its scenario (evidence).</summary>
    public string? Reasons { get; init; }
}
