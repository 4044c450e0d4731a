using DocumentFormat.OpenXml.Spreadsheet;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>
/// What spreadsheet users expect beyond the figures: tables with filters, frozen headers, print titles, the
/// Summary note, and currency, byte and GiB number formats.
/// </summary>
public sealed class WorkbookConventionsTests
{
    private const string BytesFormat = "#,##0";
    private const string GiBFormat = "#,##0.00";

    private static readonly string[] OptimizationTables =
        ["Ranked", "Findings", "Decision matrix", "Retention", "Fixes", "Progress"];

    [Fact]
    public async Task WriteOptimizationAsync_SampleData_TablesFilterFreezeHeadersAndPrintTitles()
    {
        var data = OptimizationSampleData.Create();
        using var files = new ReportTestFiles();

        var file = await files.WriteOptimizationAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        var printTitles = workbook.Workbook.Workbook.DefinedNames!.Elements<DefinedName>()
            .Where(d => d.Name == "_xlnm.Print_Titles")
            .Select(d => d.Text)
            .ToList();
        foreach (var sheet in OptimizationTables)
        {
            var table = workbook.SheetPart(sheet).TableDefinitionParts.Single().Table;
            Assert.StartsWith("A1:", table.Reference!.Value, StringComparison.Ordinal);
            Assert.NotNull(table.AutoFilter);
            var pane = workbook.SheetPart(sheet).Worksheet.Descendants<Pane>().Single();
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.Contains($"'{sheet}'!$1:$1", printTitles);
        }

        Assert.Equal(data.Ranked.Count, SheetTable.Rows(workbook, "Ranked").Count);
        var summary = workbook.Cells("Summary").Values.Where(c => c.IsText).Select(c => c.Value).ToList();
        var note = summary.IndexOf("How to read this");
        Assert.True(note >= 0, "the optimization Summary has no How to read this note");
        Assert.Contains(summary.Skip(note + 1), text => text!.Length > 40);
    }

    [Fact]
    public async Task WriteOptimizationAsync_SampleData_CurrencyBytesAndGiBFormats()
    {
        var data = OptimizationSampleData.Create();
        using var files = new ReportTestFiles();

        var file = await files.WriteOptimizationAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        var currency = CurrencyFormat(data.Currency);
        foreach (var row in SheetTable.Rows(workbook, "Ranked"))
        {
            Assert.Equal(BytesFormat, FormatCode(workbook, row["Savings bytes"]));
            Assert.Equal(currency, FormatCode(workbook, row["Savings per month"]));
            Assert.Equal(GiBFormat, FormatCode(workbook, row["Savings GiB"]));
        }

        foreach (var row in SheetTable.Rows(workbook, "Retention"))
        {
            Assert.Equal(BytesFormat, FormatCode(workbook, row["Freed bytes"]));
            Assert.Equal(currency, FormatCode(workbook, row["Monthly saving"]));
        }
    }

    [Fact]
    public async Task WriteCostsAsync_SampleData_CurrencyBytesAndGiBFormats()
    {
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();

        var file = await files.WriteCostsAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        var currency = CurrencyFormat(data.Currency);
        foreach (var row in SheetTable.Rows(workbook, "Images"))
        {
            Assert.Equal(BytesFormat, FormatCode(workbook, row["Image bytes"]));
            Assert.Equal(BytesFormat, FormatCode(workbook, row["Amortized bytes"]));
            Assert.Equal(BytesFormat, FormatCode(workbook, row["Egress bytes"]));
            Assert.Equal(GiBFormat, FormatCode(workbook, row["Amortized GiB"]));
            Assert.Equal(currency, FormatCode(workbook, row["Storage cost"]));
            Assert.Equal(currency, FormatCode(workbook, row["Egress cost"]));
        }

        foreach (var row in SheetTable.Rows(workbook, "Registries"))
        {
            Assert.Equal(BytesFormat, FormatCode(workbook, row["Stored bytes"]));
            Assert.Equal(GiBFormat, FormatCode(workbook, row["Stored GiB"]));
            Assert.Equal(currency, FormatCode(workbook, row["Total cost"]));
        }

        Assert.Equal(BytesFormat, SummaryFormat(workbook, "Stored bytes"));
        Assert.Equal(GiBFormat, SummaryFormat(workbook, "Stored GiB"));
        Assert.Equal(GiBFormat, SummaryFormat(workbook, "Egress GiB"));
        Assert.Equal(currency, SummaryFormat(workbook, "Storage cost"));
        Assert.Equal(currency, SummaryFormat(workbook, "Total cost"));
    }

    /// <summary>Two decimals, thousands separated, followed by the ISO currency code.</summary>
    private static string CurrencyFormat(string currency) => $"#,##0.00\\ \"{currency}\"";

    private static string SummaryFormat(WorkbookReadback workbook, string label)
    {
        var cells = workbook.Cells("Summary");
        var labelCell = cells.First(c => c.Key.StartsWith('A') && c.Value.Value == label).Key;
        return FormatCode(workbook, cells["B" + labelCell[1..]]);
    }

    /// <summary>The number format code of a cell: a custom format, or the built-in formats the workbooks use.</summary>
    private static string FormatCode(WorkbookReadback workbook, ReadCell cell)
    {
        var custom = workbook.Workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats?
            .Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId!.Value == cell.NumberFormatId);
        return custom?.FormatCode?.Value ?? cell.NumberFormatId switch
        {
            3 => BytesFormat,
            4 => GiBFormat,
            _ => $"built-in {cell.NumberFormatId}",
        };
    }
}
