namespace RegistryJanitor.Reports.Xlsx;

/// <summary>A1-style references.</summary>
internal static class CellReference
{
    private static readonly string[] Letters = [.. Enumerable.Range(1, 64).Select(Compute)];

    /// <summary>Column letters of a 1-based column index.</summary>
    public static string Column(int column) => column <= Letters.Length ? Letters[column - 1] : Compute(column);

    public static string Cell(int column, int row) => Column(column) + row.ToString();

    public static string Absolute(int column, int row) => "$" + Column(column) + "$" + row.ToString();

    private static string Compute(int column)
    {
        var letters = string.Empty;
        while (column > 0)
        {
            var remainder = (column - 1) % 26;
            letters = (char)('A' + remainder) + letters;
            column = (column - 1) / 26;
        }

        return letters;
    }
}
