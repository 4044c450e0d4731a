namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Writes a sheet that holds exactly one table starting at A1: frozen header, widths, print titles.</summary>
internal static class TableSheet
{
    public static TableLayout Write<T>(
        WorkbookBuilder workbook,
        ReservedSheet reserved,
        string tableName,
        IReadOnlyList<TableColumn<T>> columns,
        IReadOnlyList<T> rows,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var table = workbook.AddTablePart(reserved.Part);
        var layout = new SheetLayout
        {
            ColumnWidths = ColumnWidths.Compute(columns, rows),
            FrozenRows = 1,
            Dimension = "A1:" + CellReference.Cell(columns.Count, Math.Max(rows.Count, 1) + 2),
        };

        using var sheet = new SheetXmlWriter(reserved.Part, workbook.Strings);
        sheet.Begin(layout);
        var written = TableWriter.Write(
            new TableTarget
            {
                Sheet = sheet,
                SheetName = reserved.Name,
                Part = table.Part,
                TableId = table.Id,
                TableName = tableName,
            },
            columns,
            rows,
            cancellationToken);
        sheet.End(drawingRelationshipId: null, [table.RelationshipId]);
        workbook.SetPrintTitles(reserved.Name, 1, 1);
        return written;
    }
}
