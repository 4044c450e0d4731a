namespace RegistryJanitor.Reports.Xlsx;

/// <summary>One column of an Excel table: its header (a contract for people who build lookups on it) and how a
/// row becomes its cell.</summary>
/// <typeparam name="T">The row type.</typeparam>
internal sealed class TableColumn<T>
{
    public required string Header { get; init; }

    public required ColumnKind Kind { get; init; }

    /// <summary>Text of the cell; every value passes through <see cref="CellText"/>.</summary>
    public Func<T, string?>? Text { get; init; }

    /// <summary>Numeric value, or the cached result when <see cref="Formula"/> is set.</summary>
    public Func<T, double?>? Number { get; init; }

    /// <summary>Formula without the leading <c>=</c>; built only from references, never from row strings.</summary>
    public Func<TableRowContext, T, string>? Formula { get; init; }

    /// <summary>
    /// Rows whose cell stays empty, formula included: a figure the row does not have, which a formula would show
    /// as zero.
    /// </summary>
    public Func<T, bool>? IsBlank { get; init; }

    public TotalsKind Totals { get; init; }

    /// <summary>Per-row style when one column mixes formats (prices and quotas in one Value column).</summary>
    public Func<T, CellStyle>? Style { get; init; }

    /// <summary>Largest width in characters the column may get.</summary>
    public double MaxWidth { get; init; } = 60;
}
