namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Lets a formula name another cell of the same row by its column header.</summary>
internal sealed class TableRowContext(IReadOnlyDictionary<string, int> columns)
{
    public int Row { get; set; }

    /// <summary>Relative reference (e.g. <c>G12</c>) of the column with that header in the current row.</summary>
    public string Ref(string header) => CellReference.Cell(columns[header], Row);
}
