using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Reports;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// A scan through a cloud provider reaches both workbooks exactly as a generic scan of the same registry does;
/// only the provider's own facts differ: its name, the push times its listing reports (Pushed, with source
/// "provider", and the age of stale images), the last pulls it records and the storage it bills.
/// </summary>
public abstract class ProviderWorkbookTests<TPair>(TPair pair)
    where TPair : ProviderWorkbookPair
{
    private const string StaleByAge = "stale by age, no pull known; pushed: ";
    private const double BytesPerGiB = 1024d * 1024 * 1024;

    [Fact]
    public void CostWorkbook_ProviderScan_RowsEqualGenericScanApartFromProviderFacts()
    {
        WorkbookComparison.AssertSameRows(
            pair.Generic.CostsPath, pair.Provider.CostsPath, WorkbookComparison.CostSheets);
        WorkbookComparison.AssertSameCells(pair.Generic.CostsPath, pair.Provider.CostsPath, "Summary", "Assumptions");

        var genericRegistry = Assert.Single(RowsBy(pair.Generic, "Registries", r => r["Registry"].Value!)).Value;
        var providerRegistry = Assert.Single(RowsBy(pair.Provider, "Registries", r => r["Registry"].Value!)).Value;
        Assert.Equal(RegistryProvider.Oci.ToString(), genericRegistry["Provider"].Value);
        Assert.Equal(pair.Kind.ToString(), providerRegistry["Provider"].Value);
    }

    [Fact]
    public void RegistriesSheet_ProviderScan_BilledStorageIsTheProviderReadingAndBlankForGenericScan()
    {
        var generic = Assert.Single(RowsBy(pair.Generic, "Registries", r => r["Registry"].Value!)).Value;
        var provider = Assert.Single(RowsBy(pair.Provider, "Registries", r => r["Registry"].Value!)).Value;

        foreach (var column in WorkbookComparison.BilledStorageColumns)
        {
            Assert.Null(generic[column].Value);
            Assert.Null(generic[column].Formula);
        }

        if (pair.ProviderBilledStorageBytes is not { } billed)
        {
            Assert.All(WorkbookComparison.BilledStorageColumns, column => Assert.Null(provider[column].Value));
            return;
        }

        var storedBytes = (long)provider["Stored bytes"].Number;
        Assert.NotEqual(billed, storedBytes);
        Assert.Equal(billed, (long)provider["Billed storage bytes (provider)"].Number);
        Assert.False(provider["Billed storage bytes (provider)"].IsText);
        Assert.Equal(billed / BytesPerGiB, provider["Billed storage GiB (provider)"].Number, 9);
        Assert.Equal(
            (billed - storedBytes) / BytesPerGiB, provider["Billed minus stored GiB (provider)"].Number, 9);
    }

    [Fact]
    public async Task RegistriesSheet_RecalculatedByLibreOffice_BilledStorageFormulasKeepTheirFigures()
    {
        using var output = new TemporaryDirectory();

        var (recalculated, errors, exitCode) = await LibreOffice.ConvertAsync(
            pair.Provider.CostsPath, "xlsx", output.Path, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0 && File.Exists(recalculated), errors);
        var row = Assert.Single(WorkbookComparison.RowsBy(recalculated, "Registries", r => r["Registry"].Value!)).Value;
        var storedBytes = (long)row["Stored bytes"].Number;
        if (pair.ProviderBilledStorageBytes is { } billed)
        {
            Assert.Equal(billed / BytesPerGiB, row["Billed storage GiB (provider)"].Number, 9);
            Assert.Equal((billed - storedBytes) / BytesPerGiB, row["Billed minus stored GiB (provider)"].Number, 9);
        }
        else
        {
            Assert.All(WorkbookComparison.BilledStorageColumns, column => Assert.Null(row[column].Value));
        }
    }

    [Fact]
    public void ImagesSheet_ProviderScan_PushedAndLastPullAreTheProviderTimes()
    {
        var images = pair.Images;
        var indexes = new[] { images.Multi, images.SignatureFallback };
        var expected = images.Images
            .SelectMany(image => images.TagsOf(image).Select(tag => (
                Digest: image.Digest,
                Tag: tag,
                GenericSource: "config created",
                GenericPushed: (double?)Date(images.CreatedAt(image)),
                ProviderPushed: Date(images.ProviderPushedAt(image)),
                ProviderLastPull: pair.ProviderLastPulledAt(image) is { } at ? Date(at) : (double?)null)))

            // An index has no config, so a generic scan dates it from when it first saw it.
            .Concat(indexes.Select(index => (
                index.Digest, Tag: index.Tag!, GenericSource: "first seen", GenericPushed: (double?)null,
                ProviderPushed: Date(images.MultiPushedAt), ProviderLastPull: (double?)null)))
            .ToList();

        var generic = RowsBy(pair.Generic, "Images", DigestAndTag);
        var provider = RowsBy(pair.Provider, "Images", DigestAndTag);

        Assert.Equal(expected.Select(e => e.Digest + " " + e.Tag).Order(), provider.Keys.Order());
        foreach (var row in expected)
        {
            var genericRow = generic[row.Digest + " " + row.Tag];
            var providerRow = provider[row.Digest + " " + row.Tag];
            Assert.Equal(row.GenericSource, genericRow["Pushed source"].Value);
            if (row.GenericPushed is { } genericPushed)
            {
                Assert.Equal(genericPushed, genericRow["Pushed"].Number);
            }

            Assert.Null(genericRow["Last pull"].Value);
            Assert.Equal("provider", providerRow["Pushed source"].Value);
            Assert.Equal(row.ProviderPushed, providerRow["Pushed"].Number);
            var lastPull = providerRow["Last pull"];
            Assert.Equal(row.ProviderLastPull, lastPull.Value is null ? null : lastPull.Number);
        }
    }

    [Fact]
    public void DeadWeightSheet_ProviderScan_StaleAndUntaggedImagesDatedFromTheProviderPushTime()
    {
        var images = pair.Images;
        var stale = images.WebOld;
        var untagged = images.WebRetired;

        var generic = RowsBy(pair.Generic, "Dead weight", r => r["Digest"].Value!);
        var provider = RowsBy(pair.Provider, "Dead weight", r => r["Digest"].Value!);

        var expectedDigests = new[] { stale.Digest, untagged.Digest }.Order(StringComparer.Ordinal);
        Assert.Equal(expectedDigests, generic.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expectedDigests, provider.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("stale", generic[stale.Digest]["Kind"].Value);
        Assert.Equal("untagged", generic[untagged.Digest]["Kind"].Value);
        Assert.Equal(StaleByAge + "config created", generic[stale.Digest]["Detail"].Value);
        Assert.Equal(DaysBefore(pair.Generic.Day, images.CreatedAt(stale)), generic[stale.Digest]["Age days"].Number);
        Assert.Equal(Date(images.CreatedAt(untagged)), generic[untagged.Digest]["Pushed"].Number);

        Assert.Equal(StaleByAge + "provider", provider[stale.Digest]["Detail"].Value);
        Assert.Equal(
            DaysBefore(pair.Provider.Day, images.ProviderPushedAt(stale)), provider[stale.Digest]["Age days"].Number);
        foreach (var image in new[] { stale, untagged })
        {
            Assert.Equal(Date(images.ProviderPushedAt(image)), provider[image.Digest]["Pushed"].Number);
            Assert.Null(provider[image.Digest]["Last pulled"].Value);
        }

        // Untagged age counts from when a scan found the tag gone, which both scans saw at the same re-scan.
        Assert.Null(provider[untagged.Digest]["Detail"].Value);
        Assert.Equal(generic[untagged.Digest]["Age days"].Value, provider[untagged.Digest]["Age days"].Value);
    }

    [Fact]
    public void OptimizationWorkbook_ProviderScan_RowsEqualGenericScan()
    {
        WorkbookComparison.AssertSameRows(
            pair.Generic.OptimizationPath, pair.Provider.OptimizationPath, WorkbookComparison.OptimizationSheets);
        WorkbookComparison.AssertSameCells(pair.Generic.OptimizationPath, pair.Provider.OptimizationPath, "Summary");
    }

    private static string DigestAndTag(Dictionary<string, ReadCell> row) =>
        row["Digest"].Value + " " + row["Tag"].Value;

    private static Dictionary<string, Dictionary<string, ReadCell>> RowsBy(
        PipelineWorkbooks workbooks, string sheet, Func<Dictionary<string, ReadCell>, string> key) =>
        WorkbookComparison.RowsBy(workbooks.CostsPath, sheet, key);

    private static double Date(DateTimeOffset time) => time.UtcDateTime.Date.ToOADate();

    private static double DaysBefore(DateOnly day, DateTimeOffset time) =>
        day.DayNumber - DateOnly.FromDateTime(time.UtcDateTime).DayNumber;

}
