using DocumentFormat.OpenXml.Spreadsheet;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>Reads the data rows of a sheet's Excel table as header → cell, leaving out the totals row.</summary>
internal static class SheetTable
{
    public static List<Dictionary<string, ReadCell>> Rows(WorkbookReadback workbook, string sheet)
    {
        var table = workbook.SheetPart(sheet).TableDefinitionParts.Single().Table;
        var range = table.Reference!.Value!.Split(':');
        var (firstColumn, headerRow) = Split(range[0]);
        var (_, lastRow) = Split(range[1]);
        var lastDataRow = lastRow - (int)(table.TotalsRowCount?.Value ?? 0);
        var headers = table.TableColumns!.Elements<TableColumn>().Select(c => c.Name!.Value!).ToList();
        var rows = new List<Dictionary<string, ReadCell>>();
        for (var row = headerRow + 1; row <= lastDataRow; row++)
        {
            var cells = new Dictionary<string, ReadCell>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = workbook.Cell(sheet, Letters(firstColumn + i) + row);
            }

            if (cells.Values.Any(cell => cell.Value is not null))
            {
                rows.Add(cells);
            }
        }

        return rows;
    }

    private static (int Column, int Row) Split(string reference)
    {
        var letters = reference.TakeWhile(char.IsLetter).ToArray();
        var column = letters.Aggregate(0, (total, letter) => (total * 26) + (letter - 'A' + 1));
        return (column, int.Parse(reference[letters.Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Letters(int column)
    {
        var letters = string.Empty;
        for (; column > 0; column = (column - 1) / 26)
        {
            letters = (char)('A' + ((column - 1) % 26)) + letters;
        }

        return letters;
    }
}
