using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Writes rows as an Excel table (ListObject) with autofilter and a totals row.</summary>
internal static class TableWriter
{
    private const int CancellationCheckInterval = 1024;

    public static TableLayout Write<T>(
        TableTarget target,
        IReadOnlyList<TableColumn<T>> columns,
        IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            indexes.Add(columns[i].Header, i + 1);
        }

        var layout = new TableLayout
        {
            SheetName = target.SheetName,
            TableName = target.TableName,
            Columns = indexes,
            HeaderRow = target.HeaderRow,
            DataRows = rows.Count,
            HasTotals = columns.Any(c => c.Totals != TotalsKind.None),
        };
        var sheet = target.Sheet;

        sheet.StartRow(layout.HeaderRow);
        for (var i = 0; i < columns.Count; i++)
        {
            sheet.Text(i + 1, columns[i].Header, style: CellStyle.Header);
        }

        sheet.EndRow();

        var sums = new double[columns.Count];
        var counts = new int[columns.Count];
        var context = new TableRowContext(indexes);
        for (var r = 0; r < rows.Count; r++)
        {
            if (r % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            context.Row = layout.FirstDataRow + r;
            sheet.StartRow(context.Row);
            for (var c = 0; c < columns.Count; c++)
            {
                WriteCell(sheet, columns[c], c + 1, rows[r], context, ref sums[c], ref counts[c]);
            }

            sheet.EndRow();
        }

        if (rows.Count == 0)
        {
            sheet.StartRow(layout.FirstDataRow);
            sheet.EndRow();
        }

        if (layout.HasTotals)
        {
            WriteTotalsRow(sheet, layout, columns, sums, counts);
        }

        target.Part.Table = BuildTable(target, layout, columns);
        target.Part.Table.Save();
        return layout;
    }

    private static void WriteCell<T>(SheetXmlWriter sheet, TableColumn<T> column, int index, T row,
        TableRowContext context, ref double sum, ref int count)
    {
        if (column.IsBlank?.Invoke(row) == true)
        {
            return;
        }

        var style = column.Style?.Invoke(row) ?? StyleOf(column.Kind);
        if (column.Formula is not null)
        {
            var cached = column.Number?.Invoke(row) ?? 0;
            sheet.Formula(index, column.Formula(context, row), cached, style);
            sum += cached;
            count++;
            return;
        }

        if (column.Number?.Invoke(row) is { } number && double.IsFinite(number))
        {
            sheet.Number(index, number, style);
            sum += number;
            count++;
            return;
        }

        var text = column.Text?.Invoke(row);
        sheet.Text(index, text, wrap: column.Kind == ColumnKind.WrapText);
        if (!string.IsNullOrEmpty(text))
        {
            count++;
        }
    }

    private static void WriteTotalsRow<T>(SheetXmlWriter sheet, TableLayout layout,
        IReadOnlyList<TableColumn<T>> columns, double[] sums, int[] counts)
    {
        sheet.StartRow(layout.TotalsRow);
        for (var c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var reference = $"{layout.TableName}[{column.Header}]";
            switch (column.Totals)
            {
                case TotalsKind.Label:
                    sheet.Text(c + 1, "Total", style: CellStyle.Label);
                    break;
                case TotalsKind.Sum:
                    sheet.Formula(c + 1, $"SUBTOTAL(109,{reference})", sums[c], StyleOf(column.Kind));
                    break;
                case TotalsKind.Count:
                    sheet.Formula(c + 1, $"SUBTOTAL(103,{reference})", counts[c], CellStyle.Integer);
                    break;
                case TotalsKind.None:
                default:
                    break;
            }
        }

        sheet.EndRow();
    }

    private static Table BuildTable<T>(TableTarget target, TableLayout layout, IReadOnlyList<TableColumn<T>> columns)
    {
        var lastColumn = columns.Count;
        var tableColumns = new TableColumns { Count = (uint)columns.Count };
        for (var i = 0; i < columns.Count; i++)
        {
            var tableColumn = new DocumentFormat.OpenXml.Spreadsheet.TableColumn
            {
                Id = (uint)(i + 1),
                Name = columns[i].Header,
            };
            switch (columns[i].Totals)
            {
                case TotalsKind.Label:
                    tableColumn.TotalsRowLabel = "Total";
                    break;
                case TotalsKind.Sum:
                    tableColumn.TotalsRowFunction = TotalsRowFunctionValues.Sum;
                    break;
                case TotalsKind.Count:
                    tableColumn.TotalsRowFunction = TotalsRowFunctionValues.Count;
                    break;
                case TotalsKind.None:
                default:
                    break;
            }

            tableColumns.Append(tableColumn);
        }

        var first = CellReference.Cell(1, layout.HeaderRow);
        return new Table(
            new AutoFilter { Reference = first + ":" + CellReference.Cell(lastColumn, layout.LastDataRow) },
            tableColumns,
            new TableStyleInfo
            {
                Name = "TableStyleMedium2",
                ShowFirstColumn = false,
                ShowLastColumn = false,
                ShowRowStripes = true,
                ShowColumnStripes = false,
            })
        {
            Id = target.TableId,
            Name = target.TableName,
            DisplayName = target.TableName,
            Reference = first + ":" + CellReference.Cell(lastColumn, layout.LastRow),
            TotalsRowCount = layout.HasTotals ? 1U : null,
            TotalsRowShown = layout.HasTotals ? null : false,
        };
    }

    public static CellStyle StyleOf(ColumnKind kind) => kind switch
    {
        ColumnKind.Count or ColumnKind.Bytes => CellStyle.Integer,
        ColumnKind.GiB or ColumnKind.Decimal => CellStyle.GiB,
        ColumnKind.Currency => CellStyle.Currency,
        ColumnKind.Price => CellStyle.Price,
        ColumnKind.Percent => CellStyle.Percent,
        ColumnKind.Date => CellStyle.Date,
        ColumnKind.WrapText => CellStyle.TextWrap,
        ColumnKind.Text => CellStyle.Text,
        _ => CellStyle.Default,
    };
}
