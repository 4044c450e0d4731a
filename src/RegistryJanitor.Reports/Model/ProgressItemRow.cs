namespace RegistryJanitor.Reports.Model;

/// <summary>One of last month's top items and what became of it.</summary>
public sealed record ProgressItemRow
{
    public required int PreviousRank { get; init; }

    public required string Registry { get; init; }

    public required string Repository { get; init; }

    public required string Tag { get; init; }

    public required string Digest { get; init; }

    public required double SavingsPerMonthThen { get; init; }

    /// <summary><c>fixed</c>, <c>open</c> or <c>gone</c>.</summary>
    public required string Status { get; init; }

    public string? Detail { get; init; }
}
