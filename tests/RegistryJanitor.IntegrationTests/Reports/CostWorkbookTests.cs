using System.Globalization;
using RegistryJanitor.Reports.Model;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class CostWorkbookTests
{
    private const double GiB = ReportTestFiles.BytesPerGiB;

    [Fact]
    public async Task WriteCostsAsync_SampleData_HeadersFollowTheContract()
    {
        using var files = new ReportTestFiles();

        var file = await files.WriteCostsAsync(ReportSampleData.Costs());

        using var workbook = new WorkbookReadback(file.Path);
        Assert.Equal(
            ["Summary", "Assumptions", "Registries", "Teams", "Repositories", "Images", "Shared layers", "Dead weight"],
            workbook.SheetNames);
        Assert.Equal(
            ["Registry", "Repository", "Tag", "Digest", "Image bytes", "Exclusive bytes", "Amortized bytes", "Pulls",
                "Egress bytes", "Storage cost", "Egress cost"],
            workbook.Headers("Images", "Images").Take(11));
        Assert.Equal(
            ["Registry", "Repository", "Team", "Tags", "Manifests", "Logical bytes", "Stored bytes", "Storage cost",
                "Egress cost", "Total cost"],
            workbook.Headers("Repositories", "Repositories").Take(10));
        Assert.Equal(
            ["Kind", "Registry", "Repository", "Tag", "Digest", "Freed bytes", "Monthly cost"],
            workbook.Headers("Dead weight", "DeadWeight").Take(7));
        Assert.Equal("Image bytes", workbook.Cell("Images", "E1").Value);
    }

    [Fact]
    public async Task WriteCostsAsync_SampleData_ImageRowsEqualInputAndPrices()
    {
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();

        var file = await files.WriteCostsAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        for (var i = 0; i < data.Images.Count; i++)
        {
            var image = data.Images[i];
            var pricing = data.Pricing.Single(p => p.Registry == image.Registry);
            var row = i + 2;
            Assert.Equal(image.Registry, workbook.Cell("Images", $"A{row}").Value);
            Assert.Equal(image.Repository, workbook.Cell("Images", $"B{row}").Value);
            Assert.Equal(image.Tag, workbook.Cell("Images", $"C{row}").Value);
            Assert.Equal(image.Digest, workbook.Cell("Images", $"D{row}").Value);
            Assert.Equal(image.ImageBytes, (long)workbook.Cell("Images", $"E{row}").Number);
            Assert.Equal(image.ExclusiveBytes, (long)workbook.Cell("Images", $"F{row}").Number);
            Assert.Equal(image.AmortizedBytes, (long)workbook.Cell("Images", $"G{row}").Number);
            Assert.Equal(image.Pulls, (long)workbook.Cell("Images", $"H{row}").Number);
            Assert.Equal(image.EgressBytes, (long)workbook.Cell("Images", $"I{row}").Number);
            var storage = image.AmortizedBytes / GiB * pricing.StoragePricePerGiBMonth;
            var egress = image.EgressBytes / GiB * pricing.EgressPricePerGiB;
            Assert.Equal(storage, workbook.Cell("Images", $"J{row}").Number, ReportTestFiles.Tolerance(storage));
            Assert.Equal(egress, workbook.Cell("Images", $"K{row}").Number, ReportTestFiles.Tolerance(egress));
        }

        var totalsRow = data.Images.Count + 2;
        Assert.Equal("SUBTOTAL(109,Images[Image bytes])", workbook.Cell("Images", $"E{totalsRow}").Formula);
        Assert.Equal(data.Images.Sum(i => i.ImageBytes), (long)workbook.Cell("Images", $"E{totalsRow}").Number);
    }

    [Fact]
    public async Task WriteCostsAsync_SampleData_CostFormulasReferenceTheAssumptionCells()
    {
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();

        var file = await files.WriteCostsAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        var gibCell = ParameterCell(workbook, "Bytes per GiB");
        var gib = "'Assumptions'!" + gibCell;
        Assert.Equal(1073741824d,
            workbook.Cell("Assumptions", gibCell.Replace("$", string.Empty, StringComparison.Ordinal)).Number);
        foreach (var sheet in workbook.SheetNames)
        {
            Assert.DoesNotContain(workbook.Cells(sheet).Values,
                cell => cell.Formula?.Contains("1073741824", StringComparison.Ordinal) == true);
        }

        for (var i = 0; i < data.Images.Count; i++)
        {
            var storagePrice = PriceCell(workbook, data.Images[i].Registry, "Storage price");
            var egressPrice = PriceCell(workbook, data.Images[i].Registry, "Egress price");
            Assert.Equal(
                $"G{i + 2}/{gib}*'Assumptions'!{storagePrice}", workbook.Cell("Images", $"J{i + 2}").Formula);
            Assert.Equal(
                $"I{i + 2}/{gib}*'Assumptions'!{egressPrice}", workbook.Cell("Images", $"K{i + 2}").Formula);
        }

        for (var i = 0; i < data.Repositories.Count; i++)
        {
            var storagePrice = PriceCell(workbook, data.Repositories[i].Registry, "Storage price");
            Assert.Equal(
                $"G{i + 2}/{gib}*'Assumptions'!{storagePrice}",
                workbook.Cell("Repositories", $"H{i + 2}").Formula);
        }

        var registryFormula = workbook.Cell("Registries", "O2").Formula!;
        Assert.Contains("'Assumptions'!" + PriceCell(workbook, data.Registries[0].Registry, "Storage price"),
            registryFormula, StringComparison.Ordinal);
        Assert.Contains("'Assumptions'!" + PriceCell(workbook, data.Registries[0].Registry, "Daily fee"),
            registryFormula, StringComparison.Ordinal);
        Assert.Equal("SUM('Registries'!$O$2:$O$4)", SummaryFormula(workbook, "Storage cost"));
    }

    [Fact]
    public async Task WriteCostsAsync_SampleData_RegistriesTeamsAndSummaryEqualInput()
    {
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();

        var file = await files.WriteCostsAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        var storageTotal = 0d;
        var egressTotal = 0d;
        for (var i = 0; i < data.Registries.Count; i++)
        {
            var registry = data.Registries[i];
            var pricing = data.Pricing.Single(p => p.Registry == registry.Registry);
            var billable = Math.Max(0, (registry.StoredBytes / GiB) - pricing.IncludedStorageGiB);
            var storage = (billable * pricing.StoragePricePerGiBMonth) + (pricing.DailyFee * data.BilledDays);
            var egress = registry.EgressBytes / GiB * pricing.EgressPricePerGiB;
            storageTotal += storage;
            egressTotal += egress;
            Assert.Equal(registry.Registry, workbook.Cell("Registries", $"A{i + 2}").Value);
            Assert.Equal(registry.StoredBytes, (long)workbook.Cell("Registries", $"H{i + 2}").Number);
            Assert.Equal(storage, workbook.Cell("Registries", $"O{i + 2}").Number, ReportTestFiles.Tolerance(storage));
            Assert.Equal(egress, workbook.Cell("Registries", $"P{i + 2}").Number, ReportTestFiles.Tolerance(egress));
        }

        for (var i = 0; i < data.Teams.Count; i++)
        {
            var team = data.Teams[i];
            var expected = data.Repositories.Where(r => r.Team == team.Team).Sum(r =>
            {
                var pricing = data.Pricing.Single(p => p.Registry == r.Registry);
                return (r.StoredBytes / GiB * pricing.StoragePricePerGiBMonth)
                    + (r.EgressBytes / GiB * pricing.EgressPricePerGiB);
            });
            Assert.Equal(team.Team, workbook.Cell("Teams", $"A{i + 2}").Value);
            Assert.Equal(team.StoredBytes, (long)workbook.Cell("Teams", $"F{i + 2}").Number);
            Assert.Equal(expected, workbook.Cell("Teams", $"K{i + 2}").Number, ReportTestFiles.Tolerance(expected));
        }

        Assert.Equal(data.Registries.Sum(r => r.LogicalBytes), (long)SummaryValue(workbook, "Logical bytes"));
        Assert.Equal(data.Registries.Sum(r => r.StoredBytes), (long)SummaryValue(workbook, "Stored bytes"));
        Assert.Equal(data.PreviousMonth!.StoredBytes, (long)SummaryValue(workbook, "Stored bytes", column: 2));
        Assert.Equal(storageTotal, SummaryValue(workbook, "Storage cost"), ReportTestFiles.Tolerance(storageTotal));
        Assert.Equal(egressTotal, SummaryValue(workbook, "Egress cost"), ReportTestFiles.Tolerance(egressTotal));
        var total = storageTotal + egressTotal;
        Assert.Equal(total, SummaryValue(workbook, "Total cost"), ReportTestFiles.Tolerance(total));
        var previousTotal = data.PreviousMonth.StorageCost + data.PreviousMonth.EgressCost;
        var change = total - previousTotal;
        Assert.Equal(change, SummaryValue(workbook, "Total cost", column: 3), ReportTestFiles.Tolerance(change));
    }

    [Fact]
    public async Task WriteCostsAsync_SampleData_TopRepositoriesAndHistoryAreOrdered()
    {
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();

        var file = await files.WriteCostsAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        var cells = workbook.Cells("Summary");
        var topHeader = cells.Single(c => c.Value.Value == "Top 10 repositories by total cost").Key;
        var firstRow = int.Parse(topHeader[1..], CultureInfo.InvariantCulture) + 2;
        var expected = data.Repositories
            .Select(r =>
            {
                var pricing = data.Pricing.Single(p => p.Registry == r.Registry);
                return (r.Repository, Total: (r.StoredBytes / GiB * pricing.StoragePricePerGiBMonth)
                    + (r.EgressBytes / GiB * pricing.EgressPricePerGiB));
            })
            .OrderByDescending(r => r.Total)
            .Take(10)
            .ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Repository, workbook.Cell("Summary", $"C{firstRow + i}").Value);
            Assert.Equal(expected[i].Total, workbook.Cell("Summary", $"E{firstRow + i}").Number,
                ReportTestFiles.Tolerance(expected[i].Total));
        }

        var historyHeader = cells.Single(c => c.Value.Value == "Last 12 months").Key;
        var historyRow = int.Parse(historyHeader[1..], CultureInfo.InvariantCulture) + 2;
        var months = data.History.OrderBy(h => h.Month).TakeLast(11).ToList();
        for (var i = 0; i < months.Count; i++)
        {
            Assert.Equal(months[i].Month.ToString("yyyy-MM"), workbook.Cell("Summary", $"A{historyRow + i}").Value);
            Assert.Equal(months[i].StorageCost, workbook.Cell("Summary", $"C{historyRow + i}").Number);
        }

        Assert.Equal("2026-11", workbook.Cell("Summary", $"A{historyRow + 11}").Value);
        Assert.Contains("How to read this", cells.Values.Select(c => c.Value));
    }

    internal static string PriceCell(WorkbookReadback workbook, string registry, string assumption)
    {
        var cells = workbook.Cells("Assumptions");
        for (var row = 2; cells.ContainsKey($"A{row}"); row++)
        {
            if (cells[$"A{row}"].Value == registry
                && cells[$"C{row}"].Value!.StartsWith(assumption, StringComparison.Ordinal))
            {
                return $"$D${row}";
            }
        }

        throw new InvalidOperationException($"No {assumption} for {registry} on Assumptions.");
    }

    /// <summary>The value cell of a Parameters row on Assumptions, by name, as <c>$C$row</c>.</summary>
    internal static string ParameterCell(WorkbookReadback workbook, string name)
    {
        var cells = workbook.Cells("Assumptions");
        var label = cells.Single(c => c.Key.StartsWith('B') && c.Value.Value == name && c.Value.IsText).Key;
        return $"$C${label[1..]}";
    }

    internal static double SummaryValue(WorkbookReadback workbook, string label, int column = 1)
    {
        var cells = workbook.Cells("Summary");
        var labelCell = cells.First(c => c.Key.StartsWith('A') && c.Value.Value == label).Key;
        return cells[(char)('A' + column) + labelCell[1..]].Number;
    }

    private static string? SummaryFormula(WorkbookReadback workbook, string label)
    {
        var cells = workbook.Cells("Summary");
        var labelCell = cells.First(c => c.Key.StartsWith('A') && c.Value.Value == label).Key;
        return cells["B" + labelCell[1..]].Formula;
    }
}
