using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>
/// The cost workbook's first sheet: the month's totals against the previous month, the top 10 repositories,
/// the last 12 months with a native line chart, and a short note on how to read the figures.
/// </summary>
internal static class CostSummarySheet
{
    public const int FiguresHeaderRow = 4;
    private const int TopCount = 10;
    private const int HistoryMonths = 12;

    public static void Write(WorkbookBuilder workbook, ReservedSheet reserved, CostReportData data, PriceBook prices,
        TableLayout registries, TableLayout repositories)
    {
        var figures = CostSummaryFigures.Build(data, prices, registries);
        var top = data.Repositories
            .Select((row, index) => (Row: row, Index: index, Total: RepositoryColumns.TotalCost(prices, row)))
            .OrderByDescending(r => r.Total)
            .ThenBy(r => r.Row.Registry, StringComparer.Ordinal)
            .ThenBy(r => r.Row.Repository, StringComparer.Ordinal)
            .Take(TopCount)
            .ToList();
        var history = data.History
            .Where(h => h.Month < data.Month)
            .OrderBy(h => h.Month)
            .TakeLast(HistoryMonths - 1)
            .ToList();

        var topTitleRow = FiguresHeaderRow + figures.Count + 2;
        var historyTitleRow = topTitleRow + 2 + Math.Max(top.Count, 1) + 1;
        var historyHeaderRow = historyTitleRow + 1;
        var historyFirstRow = historyHeaderRow + 1;
        var historyLastRow = historyFirstRow + history.Count;
        var notesRow = historyLastRow + 2;

        var chartDrawingId = AddChart(
            reserved, data, figures, history, historyHeaderRow, historyFirstRow, historyLastRow);
        var layout = new SheetLayout
        {
            ColumnWidths = Widths(figures, top.Select(t => t.Row).ToList()),
            Dimension = "A1:G" + (notesRow + CostSummaryNotes.Lines.Count),
            Selected = true,
        };

        using var sheet = new SheetXmlWriter(reserved.Part, workbook.Strings);
        sheet.Begin(layout);
        WriteTitle(sheet, data);
        WriteFigures(sheet, figures);
        WriteTop(sheet, topTitleRow, top, repositories);
        WriteHistory(sheet, historyTitleRow, history, figures, data.Month);
        CostSummaryNotes.Write(sheet, notesRow);
        sheet.End(chartDrawingId, []);
    }

    private static void WriteTitle(SheetXmlWriter sheet, CostReportData data)
    {
        var period = data.Month.ToString("yyyy-MM") + (data.MonthToDate ? " (month to date)" : string.Empty);
        sheet.StartRow(1);
        sheet.Text(1, "Registry costs " + period, style: CellStyle.Title);
        sheet.EndRow();
        sheet.StartRow(2);
        sheet.Text(1, $"Generated {data.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC. Money in "
            + $"{StylesheetFactory.CurrencyCode(data.Currency)}; bytes as integers, GiB = 2^30 bytes.");
        sheet.EndRow();
    }

    private static void WriteFigures(SheetXmlWriter sheet, List<SummaryFigure> figures)
    {
        sheet.StartRow(FiguresHeaderRow);
        string[] headers = ["Figure", "This month", "Previous month", "Change", "Change %"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Text(i + 1, headers[i], style: CellStyle.Header);
        }

        sheet.EndRow();
        for (var i = 0; i < figures.Count; i++)
        {
            var figure = figures[i];
            var row = FiguresHeaderRow + 1 + i;
            sheet.StartRow(row);
            sheet.Text(1, figure.Label, style: CellStyle.Label);
            sheet.Formula(2, figure.Formula, figure.Current, figure.Style);
            if (figure.Previous is { } previous)
            {
                sheet.Number(3, previous, figure.Style);
                sheet.Formula(4, $"B{row}-C{row}", figure.Current - previous, figure.Style);
                if (previous != 0)
                {
                    sheet.Formula(5, $"D{row}/C{row}", (figure.Current - previous) / previous, CellStyle.Percent);
                }
            }

            sheet.EndRow();
        }
    }

    private static void WriteTop(SheetXmlWriter sheet, int titleRow,
        List<(RepositoryCostRow Row, int Index, double Total)> top, TableLayout repositories)
    {
        sheet.StartRow(titleRow);
        sheet.Text(1, $"Top {TopCount} repositories by total cost", style: CellStyle.Label);
        sheet.EndRow();
        sheet.StartRow(titleRow + 1);
        string[] headers = ["Rank", "Registry", "Repository", "Team", "Total cost"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Text(i + 1, headers[i], style: CellStyle.Header);
        }

        sheet.EndRow();
        for (var i = 0; i < top.Count; i++)
        {
            sheet.StartRow(titleRow + 2 + i);
            sheet.Number(1, i + 1, CellStyle.Integer);
            sheet.Text(2, top[i].Row.Registry);
            sheet.Text(3, top[i].Row.Repository);
            sheet.Text(4, top[i].Row.Team);
            sheet.Formula(5, repositories.Cell("Total cost", top[i].Index), top[i].Total, CellStyle.Currency);
            sheet.EndRow();
        }
    }

    private static void WriteHistory(SheetXmlWriter sheet, int titleRow, IReadOnlyList<CostMonthTotals> history,
        List<SummaryFigure> figures, DateOnly month)
    {
        sheet.StartRow(titleRow);
        sheet.Text(1, "Last 12 months", style: CellStyle.Label);
        sheet.EndRow();
        sheet.StartRow(titleRow + 1);
        string[] headers = ["Month", "Stored GiB", "Storage cost", "Egress cost", "Total cost"];
        for (var i = 0; i < headers.Length; i++)
        {
            sheet.Text(i + 1, headers[i], style: CellStyle.Header);
        }

        sheet.EndRow();
        var row = titleRow + 2;
        foreach (var h in history)
        {
            sheet.StartRow(row);
            sheet.Text(1, h.Month.ToString("yyyy-MM"));
            sheet.Number(2, PriceBook.GiB(h.StoredBytes), CellStyle.GiB);
            sheet.Number(3, h.StorageCost, CellStyle.Currency);
            sheet.Number(4, h.EgressCost, CellStyle.Currency);
            sheet.Formula(5, $"C{row}+D{row}", h.StorageCost + h.EgressCost, CellStyle.Currency);
            sheet.EndRow();
            row++;
        }

        sheet.StartRow(row);
        sheet.Text(1, month.ToString("yyyy-MM"));
        WriteCurrentReference(sheet, 2, figures, CostSummaryFigures.StoredGiB);
        WriteCurrentReference(sheet, 3, figures, CostSummaryFigures.StorageCost);
        WriteCurrentReference(sheet, 4, figures, CostSummaryFigures.EgressCost);
        WriteCurrentReference(sheet, 5, figures, CostSummaryFigures.TotalCost);
        sheet.EndRow();
    }

    private static void WriteCurrentReference(SheetXmlWriter sheet, int column, List<SummaryFigure> figures,
        string label)
    {
        var index = CostSummaryFigures.IndexOf(figures, label);
        sheet.Formula(column, "B" + (FiguresHeaderRow + 1 + index), figures[index].Current, figures[index].Style);
    }

    private static string AddChart(ReservedSheet reserved, CostReportData data, List<SummaryFigure> figures,
        IReadOnlyList<CostMonthTotals> history, int headerRow, int firstRow, int lastRow)
    {
        var sheet = SheetNames.Quote(reserved.Name) + "!";
        var categories = history.Select(h => h.Month.ToString("yyyy-MM"))
            .Append(data.Month.ToString("yyyy-MM"))
            .ToList();
        ChartSeries Series(int column, string label, Func<CostMonthTotals, double> value) => new(
            sheet + CellReference.Absolute(column, headerRow),
            label,
            sheet + CellReference.Absolute(column, firstRow) + ":" + CellReference.Absolute(column, lastRow),
            [.. history.Select(value), figures[CostSummaryFigures.IndexOf(figures, label)].Current]);

        return LineChartFactory.AddTo(reserved.Part, new LineChartSpec
        {
            Title = "Registry cost, last 12 months",
            CategoriesReference = sheet + "$A$" + firstRow + ":$A$" + lastRow,
            Categories = categories,
            Series =
            [
                Series(3, CostSummaryFigures.StorageCost, h => h.StorageCost),
                Series(4, CostSummaryFigures.EgressCost, h => h.EgressCost),
                Series(5, CostSummaryFigures.TotalCost, h => h.StorageCost + h.EgressCost),
            ],
            ValueFormat = "#,##0",
            Anchor = (7, FiguresHeaderRow - 1, 16, FiguresHeaderRow + 20),
        });
    }

    private static double[] Widths(List<SummaryFigure> figures, IReadOnlyList<RepositoryCostRow> top) =>
    [
        ColumnWidths.ForTexts(figures.Select(f => f.Label).Append("Last 12 months"), 30),
        Math.Max(18, ColumnWidths.ForTexts(top.Select(t => t.Registry), 40)),
        Math.Max(18, ColumnWidths.ForTexts(top.Select(t => t.Repository), 50)),
        Math.Max(18, ColumnWidths.ForTexts(top.Select(t => t.Team), 30)),
        18,
    ];
}
