namespace RegistryJanitor.Reports.Model;

/// <summary>Any other assumption behind the figures (pull assumptions, deduplication scope, profile notes).</summary>
public sealed record AssumptionRow
{
    /// <summary>Group, for example <c>Pulls</c>, <c>Sharing</c>, <c>Pricing profile</c>.</summary>
    public required string Category { get; init; }

    public required string Name { get; init; }

    /// <summary>Numeric value; null when the assumption is textual (then <see cref="TextValue"/> is shown).</summary>
    public double? NumericValue { get; init; }

    public string? TextValue { get; init; }

    public required string Unit { get; init; }

    public required string Source { get; init; }
}
