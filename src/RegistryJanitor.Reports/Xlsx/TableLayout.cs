namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Where a written table sits, so other sheets can refer to its cells.</summary>
internal sealed class TableLayout
{
    public required string SheetName { get; init; }

    public required string TableName { get; init; }

    /// <summary>1-based column index by header.</summary>
    public required IReadOnlyDictionary<string, int> Columns { get; init; }

    public required int HeaderRow { get; init; }

    /// <summary>Number of data rows (0 when the table is empty; one blank row is then written).</summary>
    public required int DataRows { get; init; }

    public int FirstDataRow => HeaderRow + 1;

    /// <summary>Last row of the data body (a blank row when <see cref="DataRows"/> is 0).</summary>
    public int LastDataRow => HeaderRow + Math.Max(DataRows, 1);

    /// <summary>Whether the table ends with a totals row.</summary>
    public required bool HasTotals { get; init; }

    public int TotalsRow => LastDataRow + 1;

    /// <summary>Last row the table covers (the totals row when there is one).</summary>
    public int LastRow => HasTotals ? TotalsRow : LastDataRow;

    /// <summary>Absolute reference to the data cells of a column, e.g. <c>Repositories!$J$2:$J$40</c>.</summary>
    public string Range(string header)
    {
        var column = Columns[header];
        return SheetNames.Quote(SheetName) + "!" + CellReference.Absolute(column, FirstDataRow) + ":"
            + CellReference.Absolute(column, LastDataRow);
    }

    /// <summary>Absolute reference to one cell of a column in a given data row index (0-based).</summary>
    public string Cell(string header, int dataIndex) =>
        SheetNames.Quote(SheetName) + "!" + CellReference.Absolute(Columns[header], FirstDataRow + dataIndex);
}
