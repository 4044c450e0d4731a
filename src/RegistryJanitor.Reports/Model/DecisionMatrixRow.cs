namespace RegistryJanitor.Reports.Model;

/// <summary>One row of the decision matrix with the images placed in it.</summary>
public sealed record DecisionMatrixRow
{
    public required string Scenario { get; init; }

    public required string RecommendedApproach { get; init; }

    public required string Why { get; init; }

    public required string ClaimedImpact { get; init; }

    public required int Images { get; init; }

    public required long SavingsBytes { get; init; }

    public required double SavingsPerMonth { get; init; }
}
