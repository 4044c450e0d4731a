using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>
/// Reads a written workbook back through the Open XML SDK: every cell's value, formula, type and style.
/// </summary>
internal sealed class WorkbookReadback : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly List<string> _sharedStrings;
    private readonly Dictionary<string, Dictionary<string, ReadCell>> _sheets = new(StringComparer.Ordinal);

    public WorkbookReadback(string path)
    {
        _document = SpreadsheetDocument.Open(path, isEditable: false);
        _sharedStrings = [.. Workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>()
            .Select(i => i.InnerText) ?? []];
    }

    public WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames =>
        [.. Workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public WorksheetPart SheetPart(string name)
    {
        var sheet = Workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return (WorksheetPart)Workbook.GetPartById(sheet.Id!);
    }

    public IReadOnlyDictionary<string, ReadCell> Cells(string sheetName)
    {
        if (_sheets.TryGetValue(sheetName, out var cached))
        {
            return cached;
        }

        var cells = new Dictionary<string, ReadCell>(StringComparer.Ordinal);
        var formats = Workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        foreach (var cell in SheetPart(sheetName).Worksheet.Descendants<Cell>())
        {
            var raw = cell.CellValue?.Text;
            var isShared = cell.DataType?.Value == CellValues.SharedString;
            var format = formats[(int)(cell.StyleIndex?.Value ?? 0)];
            cells[cell.CellReference!.Value!] = new ReadCell(
                isShared ? _sharedStrings[int.Parse(raw!)] : raw,
                cell.CellFormula?.Text,
                isShared,
                format.QuotePrefix?.Value ?? false,
                format.NumberFormatId?.Value ?? 0);
        }

        _sheets[sheetName] = cells;
        return cells;
    }

    public ReadCell Cell(string sheetName, string reference) =>
        Cells(sheetName).TryGetValue(reference, out var cell) ? cell : new ReadCell(null, null, false, false, 0);

    /// <summary>Finds the table on a sheet by name.</summary>
    public Table Table(string sheetName, string tableName) =>
        SheetPart(sheetName).TableDefinitionParts.Select(p => p.Table).Single(t => t.Name == tableName);

    /// <summary>Header texts of a table, in column order.</summary>
    public IReadOnlyList<string> Headers(string sheetName, string tableName) =>
        [.. Table(sheetName, tableName).TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value!)];

    public void Dispose() => _document.Dispose();
}
