using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>
/// Writes every price, quota and assumption into cells (table Prices, then table Parameters) and returns where
/// each price, the billed days and the bytes per GiB sit so the cost formulas can refer to them.
/// </summary>
/// <remarks>
/// Pull assumptions (the Parameters rows after the units) are display-only: pulls and egress bytes are counted
/// per image in PostgreSQL, where the assumption was applied, so no formula on the other sheets multiplies by them.
/// </remarks>
internal static class AssumptionsSheet
{
    public const string PricesTable = "Prices";
    public const string ParametersTable = "Parameters";
    private const int GapRows = 2;

    public static PriceBook Write(WorkbookBuilder workbook, ReservedSheet reserved, CostReportData data,
        CancellationToken cancellationToken)
    {
        var currency = StylesheetFactory.CurrencyCode(data.Currency);
        var priceRows = BuildPriceRows(data.Pricing, currency);
        var parameterRows = BuildParameterRows(data);
        var priceColumns = PriceColumns();
        var parameterColumns = ParameterColumns();

        var pricesTable = workbook.AddTablePart(reserved.Part);
        var parametersTable = workbook.AddTablePart(reserved.Part);
        var parametersHeader = 1 + priceRows.Count + 1 + GapRows;
        var layout = new SheetLayout
        {
            ColumnWidths = ColumnWidths.Widest(
                ColumnWidths.Compute(priceColumns, priceRows),
                ColumnWidths.Compute(parameterColumns, parameterRows)),
            FrozenRows = 1,
            Dimension = "A1:" + CellReference.Cell(6, parametersHeader + Math.Max(parameterRows.Count, 1)),
        };

        using var sheet = new SheetXmlWriter(reserved.Part, workbook.Strings);
        sheet.Begin(layout);
        var prices = TableWriter.Write(
            Target(sheet, reserved, pricesTable, PricesTable, headerRow: 1),
            priceColumns,
            priceRows,
            cancellationToken);
        var parameters = TableWriter.Write(
            Target(sheet, reserved, parametersTable, ParametersTable, parametersHeader),
            parameterColumns,
            parameterRows,
            cancellationToken);
        sheet.End(drawingRelationshipId: null, [pricesTable.RelationshipId, parametersTable.RelationshipId]);
        workbook.SetPrintTitles(reserved.Name, 1, 1);

        return BuildPriceBook(data, prices, parameters);
    }

    private static TableTarget Target(SheetXmlWriter sheet, ReservedSheet reserved,
        (DocumentFormat.OpenXml.Packaging.TableDefinitionPart Part, string RelationshipId, uint Id) table,
        string name, int headerRow) => new()
        {
            Sheet = sheet,
            SheetName = reserved.Name,
            Part = table.Part,
            TableId = table.Id,
            TableName = name,
            HeaderRow = headerRow,
        };

    private static PriceBook BuildPriceBook(CostReportData data, TableLayout prices, TableLayout parameters)
    {
        var cells = new Dictionary<string, RegistryPriceCells>(StringComparer.Ordinal);
        for (var i = 0; i < data.Pricing.Count; i++)
        {
            var first = i * PriceRow.RowsPerRegistry;
            cells[data.Pricing[i].Registry] = new RegistryPriceCells(
                data.Pricing[i],
                prices.Cell("Value", first),
                prices.Cell("Value", first + 1),
                prices.Cell("Value", first + 2),
                prices.Cell("Value", first + 3));
        }

        return new PriceBook(cells, parameters.Cell("Value", 0), parameters.Cell("Value", 1), data.BilledDays);
    }

    private static List<PriceRow> BuildPriceRows(IReadOnlyList<RegistryPricing> pricing, string currency)
    {
        var duplicate = pricing.GroupBy(p => p.Registry, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Pricing for registry '{duplicate.Key}' is given twice.", nameof(pricing));
        }

        // The money format of the Value cell already shows the currency, so the unit names only the quantity.
        var rows = new List<PriceRow>(pricing.Count * PriceRow.RowsPerRegistry);
        foreach (var p in pricing)
        {
            rows.Add(new PriceRow(p, "Storage price", p.StoragePricePerGiBMonth, "per GiB-month", true));
            rows.Add(new PriceRow(p, "Included storage", p.IncludedStorageGiB, "GiB", false));
            rows.Add(new PriceRow(p, "Daily fee", p.DailyFee, "per day", true));
            rows.Add(new PriceRow(
                p, $"Egress price ({p.PullLocation})", p.EgressPricePerGiB, "per GiB", true));
        }

        return rows;
    }

    private static List<AssumptionRow> BuildParameterRows(CostReportData data)
    {
        var rows = new List<AssumptionRow>(data.Assumptions.Count + 2)
        {
            new()
            {
                Category = "Billing",
                Name = "Billed days",
                NumericValue = data.BilledDays,
                Unit = "days",
                Source = data.MonthToDate ? "days of the month so far" : "days of the month",
            },
            new()
            {
                Category = "Units",
                Name = "Bytes per GiB",
                NumericValue = PriceBook.BytesPerGiB,
                Unit = "bytes",
                Source = "GiB = 2^30 bytes; providers bill binary GB",
            },
        };
        rows.AddRange(data.Assumptions);
        return rows;
    }

    private static List<TableColumn<PriceRow>> PriceColumns() =>
    [
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Pricing.Registry, Totals = TotalsKind.None },
        new() { Header = "Pricing profile", Kind = ColumnKind.Text, Text = r => r.Pricing.PricingProfile },
        new() { Header = "Assumption", Kind = ColumnKind.Text, Text = r => r.Name },
        new()
        {
            Header = "Value",
            Kind = ColumnKind.Price,
            Number = r => r.Value,
            Style = r => r.IsMoney ? CellStyle.Price : CellStyle.Decimal,
        },
        new() { Header = "Unit", Kind = ColumnKind.Text, Text = r => r.Unit },
        new() { Header = "Source", Kind = ColumnKind.Text, Text = r => r.Pricing.Source, MaxWidth = 70 },
    ];

    private static List<TableColumn<AssumptionRow>> ParameterColumns() =>
    [
        new() { Header = "Category", Kind = ColumnKind.Text, Text = r => r.Category },
        new() { Header = "Name", Kind = ColumnKind.Text, Text = r => r.Name },
        new()
        {
            Header = "Value",
            Kind = ColumnKind.Price,
            Number = r => r.NumericValue,
            Text = r => r.TextValue,
            Style = r => r.NumericValue is { } v && v == Math.Floor(v) ? CellStyle.Integer : CellStyle.Decimal,
        },
        new() { Header = "Unit", Kind = ColumnKind.Text, Text = r => r.Unit },
        new() { Header = "Source", Kind = ColumnKind.Text, Text = r => r.Source, MaxWidth = 70 },
    ];
}
