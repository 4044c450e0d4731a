namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Sheet-level settings written before and after the cell data.</summary>
internal sealed record SheetLayout
{
    /// <summary>Widths of columns 1..n in Excel character units.</summary>
    public required IReadOnlyList<double> ColumnWidths { get; init; }

    /// <summary>Rows frozen at the top (0 for none).</summary>
    public int FrozenRows { get; init; }

    /// <summary>Last used cell, for the dimension element, e.g. <c>A1:K120</c>.</summary>
    public required string Dimension { get; init; }

    public bool Selected { get; init; }

    public bool Landscape { get; init; } = true;
}
