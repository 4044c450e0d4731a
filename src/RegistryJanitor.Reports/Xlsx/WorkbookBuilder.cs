using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>
/// Owns the package of one workbook: sheets are reserved in display order, their parts are streamed by
/// <see cref="SheetXmlWriter"/> in any order, and <see cref="Complete"/> writes the shared strings and the
/// workbook part (sheets, print titles, recalculation on load).
/// </summary>
internal sealed class WorkbookBuilder : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbookPart;
    private readonly List<(string Name, string RelationshipId)> _sheets = [];
    private readonly List<DefinedName> _definedNames = [];
    private uint _nextTableId = 1;

    public WorkbookBuilder(Stream stream, string currency)
    {
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);

        // Deflate's fast level: 100,000-row sheets compress several times quicker for a slightly larger file.
        _document.CompressionOption = System.IO.Packaging.CompressionOption.Fast;
        _workbookPart = _document.AddWorkbookPart();
        var styles = _workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = StylesheetFactory.Create(currency);
        styles.Stylesheet.Save();
    }

    public SharedStrings Strings { get; } = new();

    /// <summary>Adds a sheet at the end of the tab order and returns its (still empty) part.</summary>
    public ReservedSheet AddSheet(string name)
    {
        var sanitized = SheetNames.Sanitize(name);
        if (_sheets.Exists(s => string.Equals(s.Name, sanitized, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException($"Sheet '{sanitized}' exists already.");
        }

        var part = _workbookPart.AddNewPart<WorksheetPart>();
        _sheets.Add((sanitized, _workbookPart.GetIdOfPart(part)));
        return new ReservedSheet(sanitized, part);
    }

    public (TableDefinitionPart Part, string RelationshipId, uint Id) AddTablePart(WorksheetPart sheet)
    {
        var part = sheet.AddNewPart<TableDefinitionPart>();
        return (part, sheet.GetIdOfPart(part), _nextTableId++);
    }

    /// <summary>Rows repeated at the top of every printed page of a sheet.</summary>
    public void SetPrintTitles(string sheetName, int firstRow, int lastRow)
    {
        var index = _sheets.FindIndex(s => s.Name == sheetName);
        if (index < 0)
        {
            throw new InvalidOperationException($"Unknown sheet '{sheetName}'.");
        }

        _definedNames.Add(new DefinedName($"{SheetNames.Quote(sheetName)}!${firstRow}:${lastRow}")
        {
            Name = "_xlnm.Print_Titles",
            LocalSheetId = (uint)index,
        });
    }

    public void Complete()
    {
        var sharedStrings = _workbookPart.AddNewPart<SharedStringTablePart>();
        Strings.WriteTo(sharedStrings);

        var sheets = new Sheets();
        for (var i = 0; i < _sheets.Count; i++)
        {
            sheets.Append(new Sheet
            {
                Name = _sheets[i].Name,
                SheetId = (uint)(i + 1),
                Id = _sheets[i].RelationshipId,
            });
        }

        var workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0 }),
            sheets);
        if (_definedNames.Count > 0)
        {
            workbook.Append(new DefinedNames(_definedNames.OrderBy(d => d.LocalSheetId?.Value)));
        }

        // Readers that recalculate get fresh figures; readers that do not see the cached values we wrote.
        workbook.Append(new CalculationProperties { CalculationId = 191029, FullCalculationOnLoad = true });
        _workbookPart.Workbook = workbook;
        _workbookPart.Workbook.Save();
        _document.PackageProperties.Creator = "RegistryJanitor";
        _document.PackageProperties.Title = _sheets.Count > 0 ? _sheets[0].Name : null;
        _document.Save();
    }

    public void Dispose() => _document.Dispose();
}
