using RegistryJanitor.Reports.Cost;
using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Optimization;

/// <summary>The optimization workbook's first sheet: headline figures, the top 10 items and how to read them.</summary>
internal static class OptimizationSummarySheet
{
    public const int FiguresHeaderRow = 4;
    private const int TopCount = 10;

    private static readonly string[] Notes =
    [
        "Ranked lists images by money saved per month; ties go to the larger security risk (root user, secrets, "
            + "shells in runtime images).",
        "Savings are the ranking's estimates: removable bytes kept across the retained tags at the storage price, "
            + "plus egress for the expected pulls. Confidence says how much of that rests on assumptions.",
        "Findings lists the evidence (layer, history step, paths, bytes); a finding the image cannot decide says "
            + "unknown. Secret-like files are named by path only.",
        "Fixes holds the Dockerfile change per recommendation; Progress says which of last month's top items "
            + "were fixed.",
    ];

    public static void Write(WorkbookBuilder workbook, ReservedSheet reserved, OptimizationReportData data,
        OptimizationTables tables)
    {
        var figures = OptimizationSummaryFigures.Build(data, tables);
        var top = data.Ranked.Select((row, index) => (Row: row, Index: index))
            .OrderBy(r => r.Row.Rank)
            .Take(TopCount)
            .ToList();
        var topTitleRow = FiguresHeaderRow + figures.Count + 2;
        var notesRow = topTitleRow + 2 + Math.Max(top.Count, 1) + 1;
        var layout = new SheetLayout
        {
            ColumnWidths =
            [
                ColumnWidths.ForTexts(figures.Select(f => f.Label), 40),
                Math.Max(16, ColumnWidths.ForTexts(top.Select(t => t.Row.Repository), 50)),
                Math.Max(12, ColumnWidths.ForTexts(top.Select(t => t.Row.Tag), 30)),
                Math.Max(16, ColumnWidths.ForTexts(top.Select(t => t.Row.Scenario), 40)),
                18,
            ],
            Dimension = "A1:E" + (notesRow + Notes.Length),
            Selected = true,
        };

        using var sheet = new SheetXmlWriter(reserved.Part, workbook.Strings);
        sheet.Begin(layout);
        sheet.StartRow(1);
        sheet.Text(1, "Registry optimization " + data.Month.ToString("yyyy-MM")
            + (data.MonthToDate ? " (month to date)" : string.Empty), style: CellStyle.Title);
        sheet.EndRow();
        sheet.StartRow(2);
        sheet.Text(1, $"Generated {data.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Money in "
            + $"{StylesheetFactory.CurrencyCode(data.Currency)} per month; GiB = 2^30 bytes.");
        sheet.EndRow();

        WriteHeader(sheet, FiguresHeaderRow, ["Figure", "Value"]);
        for (var i = 0; i < figures.Count; i++)
        {
            sheet.StartRow(FiguresHeaderRow + 1 + i);
            sheet.Text(1, figures[i].Label, style: CellStyle.Label);
            sheet.Formula(2, figures[i].Formula, figures[i].Current, figures[i].Style);
            sheet.EndRow();
        }

        sheet.StartRow(topTitleRow);
        sheet.Text(1, $"Top {TopCount} by savings per month", style: CellStyle.Label);
        sheet.EndRow();
        WriteHeader(sheet, topTitleRow + 1, ["Rank", "Repository", "Tag", "Scenario", "Savings per month"]);
        for (var i = 0; i < top.Count; i++)
        {
            var (row, index) = top[i];
            sheet.StartRow(topTitleRow + 2 + i);
            sheet.Number(1, row.Rank, CellStyle.Integer);
            sheet.Text(2, row.Repository);
            sheet.Text(3, row.Tag);
            sheet.Text(4, row.Scenario);
            sheet.Formula(5, tables.Ranked.Cell("Savings per month", index), row.SavingsPerMonth, CellStyle.Currency);
            sheet.EndRow();
        }

        sheet.StartRow(notesRow);
        sheet.Text(1, "How to read this", style: CellStyle.Label);
        sheet.EndRow();
        for (var i = 0; i < Notes.Length; i++)
        {
            sheet.StartRow(notesRow + 1 + i);
            sheet.Text(1, Notes[i]);
            sheet.EndRow();
        }

        sheet.End(drawingRelationshipId: null, []);
    }

    private static void WriteHeader(SheetXmlWriter sheet, int row, string[] headers)
    {
        sheet.StartRow(row);
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Text(i + 1, headers[i], style: CellStyle.Header);
        }

        sheet.EndRow();
    }
}
