namespace RegistryJanitor.Reports.Xlsx;

/// <summary>
/// Column widths computed from the content's character counts, because ClosedXML's AdjustToContents needs GDI+
/// (absent on Linux). Widths are in Excel's character units; numbers use the width of their format.
/// </summary>
internal static class ColumnWidths
{
    private const double Padding = 2;
    private const double FilterButton = 3;
    private const double Minimum = 8;

    public static double[] Compute<T>(IReadOnlyList<TableColumn<T>> columns, IReadOnlyList<T> rows)
    {
        var widths = new double[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            var column = columns[i];
            var content = column.Kind is ColumnKind.Text or ColumnKind.WrapText && column.Text is not null
                ? LongestText(column.Text, rows, column.MaxWidth)
                : NumberWidth(column.Kind);
            var header = column.Header.Length + FilterButton;
            var wanted = Math.Max(Math.Max(content + Padding, header), Minimum);
            widths[i] = Math.Min(wanted, Math.Max(column.MaxWidth, header));
        }

        return widths;
    }

    /// <summary>Width of a column of free text such as labels and notes.</summary>
    public static double ForTexts(IEnumerable<string> texts, double maxWidth) =>
        Math.Min(Math.Max(texts.Select(LongestLine).DefaultIfEmpty(0).Max() + Padding, Minimum), maxWidth);

    /// <summary>Takes, per column, the wider of two width sets (two tables on one sheet).</summary>
    public static double[] Widest(params double[][] sets)
    {
        var widths = new double[sets.Max(s => s.Length)];
        foreach (var set in sets)
        {
            for (var i = 0; i < set.Length; i++)
            {
                widths[i] = Math.Max(widths[i], set[i]);
            }
        }

        return widths;
    }

    public static double NumberWidth(ColumnKind kind) => kind switch
    {
        ColumnKind.Count => 9,
        ColumnKind.Bytes => 17,
        ColumnKind.GiB => 12,
        ColumnKind.Currency => 15,
        ColumnKind.Price => 14,
        ColumnKind.Percent => 8,
        ColumnKind.Date => 11,
        _ => 12,
    };

    private static double LongestText<T>(Func<T, string?> text, IReadOnlyList<T> rows, double cap)
    {
        var longest = 0;
        foreach (var row in rows)
        {
            var length = LongestLine(text(row));
            if (length > longest)
            {
                longest = length;
                if (longest >= cap)
                {
                    break;
                }
            }
        }

        return longest;
    }

    private static int LongestLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return 0;
        }

        var longest = 0;
        foreach (var line in value.AsSpan().EnumerateLines())
        {
            longest = Math.Max(longest, line.Length);
        }

        return longest;
    }
}
