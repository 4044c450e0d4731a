namespace RegistryJanitor.Reports.Xlsx;

/// <summary>
/// A native line chart over sheet ranges; the cached values let readers draw it without recalculating.
/// </summary>
internal sealed record LineChartSpec
{
    public required string Title { get; init; }

    public required string CategoriesReference { get; init; }

    public required IReadOnlyList<string> Categories { get; init; }

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    /// <summary>Number format of the value axis.</summary>
    public required string ValueFormat { get; init; }

    /// <summary>Anchor: zero-based first column and row, and the column and row the chart ends before.</summary>
    public required (int Column, int Row, int ToColumn, int ToRow) Anchor { get; init; }
}
