using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using RegistryJanitor.Reports.Model;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class PriceRecalculationTests
{
    private const double GiB = ReportTestFiles.BytesPerGiB;
    private const string ChangedRegistry = "ecr-shared";
    private const double NewStoragePrice = 0.5;

    [Fact]
    public async Task ChangedStoragePrice_RecalculatedByLibreOffice_EveryTotalFollows()
    {
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();
        var file = await files.WriteCostsAsync(data);
        var edited = Path.Combine(Directory.CreateDirectory(Path.Combine(files.Directory, "edited")).FullName,
            "costs.xlsx");
        File.Copy(file.Path, edited);
        SetStoragePrice(edited, ChangedRegistry, NewStoragePrice);
        var outputFolder = Directory.CreateDirectory(Path.Combine(files.Directory, "recalculated")).FullName;

        var (output, errors, exitCode) = await LibreOffice.ConvertAsync(
            edited, "xlsx", outputFolder, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0 && File.Exists(output), errors);
        double Price(string registry) => registry == ChangedRegistry
            ? NewStoragePrice
            : data.Pricing.Single(p => p.Registry == registry).StoragePricePerGiBMonth;
        using var workbook = new WorkbookReadback(output);
        var imageStorageTotal = 0d;
        for (var i = 0; i < data.Images.Count; i++)
        {
            var expected = data.Images[i].AmortizedBytes / GiB * Price(data.Images[i].Registry);
            imageStorageTotal += expected;
            Assert.Equal(expected, workbook.Cell("Images", $"J{i + 2}").Number, 1e-6);
        }

        Assert.Equal(imageStorageTotal, workbook.Cell("Images", $"J{data.Images.Count + 2}").Number, 1e-6);

        var registryStorage = data.Registries.Sum(r =>
        {
            var pricing = data.Pricing.Single(p => p.Registry == r.Registry);
            var billable = Math.Max(0, (r.StoredBytes / GiB) - pricing.IncludedStorageGiB);
            return (billable * Price(r.Registry)) + (pricing.DailyFee * data.BilledDays);
        });
        var egress = data.Registries.Sum(r =>
            r.EgressBytes / GiB * data.Pricing.Single(p => p.Registry == r.Registry).EgressPricePerGiB);
        Assert.Equal(registryStorage, CostWorkbookTests.SummaryValue(workbook, "Storage cost"), 1e-6);
        Assert.Equal(registryStorage + egress, CostWorkbookTests.SummaryValue(workbook, "Total cost"), 1e-6);

        var changedTeam = data.Teams[0].Team;
        var teamTotal = data.Repositories.Where(r => r.Team == changedTeam).Sum(r =>
            (r.StoredBytes / GiB * Price(r.Registry))
            + (r.EgressBytes / GiB * data.Pricing.Single(p => p.Registry == r.Registry).EgressPricePerGiB));
        Assert.Equal(teamTotal, workbook.Cell("Teams", "K2").Number, 1e-6);
        var original = CostWorkbookTests.SummaryValue(new WorkbookReadback(file.Path), "Storage cost");
        Assert.NotEqual(original, registryStorage, 1e-3);
    }

    [Fact]
    public async Task ChangedEgressPriceQuotaFeeAndGiB_RecalculatedByLibreOffice_EveryTotalFollows()
    {
        const string FeeRegistry = "acr-prod";
        const double NewEgressPrice = 0.5;
        const double NewIncludedGiB = 3;
        const double NewDailyFee = 2.5;
        const double NewBytesPerGiB = 1e9;
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();
        var file = await files.WriteCostsAsync(data);
        var edited = Path.Combine(Directory.CreateDirectory(Path.Combine(files.Directory, "edited")).FullName,
            "costs.xlsx");
        File.Copy(file.Path, edited);
        using (var original = new WorkbookReadback(file.Path))
        {
            SetCell(edited, CostWorkbookTests.PriceCell(original, ChangedRegistry, "Egress price"), NewEgressPrice);
            SetCell(edited, CostWorkbookTests.PriceCell(original, FeeRegistry, "Included storage"), NewIncludedGiB);
            SetCell(edited, CostWorkbookTests.PriceCell(original, FeeRegistry, "Daily fee"), NewDailyFee);
            SetCell(edited, CostWorkbookTests.ParameterCell(original, "Bytes per GiB"), NewBytesPerGiB);
        }

        var outputFolder = Directory.CreateDirectory(Path.Combine(files.Directory, "recalculated")).FullName;

        var (output, errors, exitCode) = await LibreOffice.ConvertAsync(
            edited, "xlsx", outputFolder, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0 && File.Exists(output), errors);
        RegistryPricing Pricing(string registry) => data.Pricing.Single(p => p.Registry == registry);
        double Egress(string registry) =>
            registry == ChangedRegistry ? NewEgressPrice : Pricing(registry).EgressPricePerGiB;
        double Included(string registry) =>
            registry == FeeRegistry ? NewIncludedGiB : Pricing(registry).IncludedStorageGiB;
        double Fee(string registry) => registry == FeeRegistry ? NewDailyFee : Pricing(registry).DailyFee;
        using var workbook = new WorkbookReadback(output);
        for (var i = 0; i < data.Images.Count; i++)
        {
            var image = data.Images[i];
            var storage = image.AmortizedBytes / NewBytesPerGiB * Pricing(image.Registry).StoragePricePerGiBMonth;
            var egress = image.EgressBytes / NewBytesPerGiB * Egress(image.Registry);
            Assert.Equal(storage, workbook.Cell("Images", $"J{i + 2}").Number, 1e-6);
            Assert.Equal(egress, workbook.Cell("Images", $"K{i + 2}").Number, 1e-6);
        }

        var storageTotal = data.Registries.Sum(r =>
        {
            var billable = Math.Max(0, (r.StoredBytes / NewBytesPerGiB) - Included(r.Registry));
            return (billable * Pricing(r.Registry).StoragePricePerGiBMonth) + (Fee(r.Registry) * data.BilledDays);
        });
        var egressTotal = data.Registries.Sum(r => r.EgressBytes / NewBytesPerGiB * Egress(r.Registry));
        var stored = data.Registries.Sum(r => (double)r.StoredBytes);
        Assert.Equal(stored / NewBytesPerGiB, CostWorkbookTests.SummaryValue(workbook, "Stored GiB"), 1e-6);
        Assert.Equal(storageTotal, CostWorkbookTests.SummaryValue(workbook, "Storage cost"), 1e-6);
        Assert.Equal(egressTotal, CostWorkbookTests.SummaryValue(workbook, "Egress cost"), 1e-6);
        Assert.Equal(storageTotal + egressTotal, CostWorkbookTests.SummaryValue(workbook, "Total cost"), 1e-6);
        using var before = new WorkbookReadback(file.Path);
        Assert.NotEqual(CostWorkbookTests.SummaryValue(before, "Egress cost"), egressTotal, 1e-3);
        Assert.NotEqual(CostWorkbookTests.SummaryValue(before, "Storage cost"), storageTotal, 1e-3);
    }

    private static void SetStoragePrice(string path, string registry, double price)
    {
        string reference;
        using (var readback = new WorkbookReadback(path))
        {
            reference = CostWorkbookTests.PriceCell(readback, registry, "Storage price");
        }

        SetCell(path, reference, price);
    }

    /// <summary>Overwrites one numeric cell of the Assumptions sheet (<c>$D$5</c> or <c>D5</c>).</summary>
    private static void SetCell(string path, string reference, double value)
    {
        reference = reference.Replace("$", string.Empty, StringComparison.Ordinal);
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Assumptions");
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var cell = part.Worksheet.Descendants<Cell>().Single(c => c.CellReference == reference);
        cell.CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture));
        part.Worksheet.Save();
    }
}
