using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Reports;
using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// A scan through a cloud provider reaches both workbooks exactly as a generic scan of the same registry does;
/// only the provider's own facts differ: its name, the push times its listing reports (Pushed, with source
/// "provider", and the age of stale images) and the last pulls it records.
/// </summary>
public abstract class ProviderWorkbookTests<TPair>(TPair pair)
    where TPair : ProviderWorkbookPair
{
    private const string StaleByAge = "stale by age, no pull known; pushed: ";

    [Fact]
    public void CostWorkbook_ProviderScan_RowsEqualGenericScanApartFromProviderFacts()
    {
        WorkbookComparison.AssertSameRows(
            pair.Generic.CostsPath, pair.Provider.CostsPath, WorkbookComparison.CostSheets);

        var genericRegistry = Assert.Single(RowsBy(pair.Generic, "Registries", r => r["Registry"].Value!)).Value;
        var providerRegistry = Assert.Single(RowsBy(pair.Provider, "Registries", r => r["Registry"].Value!)).Value;
        Assert.Equal(RegistryProvider.Oci.ToString(), genericRegistry["Provider"].Value);
        Assert.Equal(pair.Kind.ToString(), providerRegistry["Provider"].Value);
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
    public void DeadWeightSheet_ProviderScan_StaleImageAgedFromTheProviderPushTime()
    {
        var stale = pair.Images.WebOld;
        var generic = Assert.Single(RowsBy(pair.Generic, "Dead weight", r => r["Digest"].Value!)).Value;
        var provider = Assert.Single(RowsBy(pair.Provider, "Dead weight", r => r["Digest"].Value!)).Value;

        Assert.Equal((stale.Digest, "stale"), (generic["Digest"].Value, generic["Kind"].Value));
        Assert.Equal(StaleByAge + "config created", generic["Detail"].Value);
        Assert.Equal(DaysBefore(pair.Generic.Day, pair.Images.CreatedAt(stale)), generic["Age days"].Number);
        Assert.Equal(StaleByAge + "provider", provider["Detail"].Value);
        Assert.Equal(Date(pair.Images.ProviderPushedAt(stale)), provider["Pushed"].Number);
        Assert.Equal(DaysBefore(pair.Provider.Day, pair.Images.ProviderPushedAt(stale)), provider["Age days"].Number);
        Assert.Null(provider["Last pulled"].Value);
    }

    [Fact]
    public void OptimizationWorkbook_ProviderScan_RowsEqualGenericScan()
    {
        WorkbookComparison.AssertSameRows(
            pair.Generic.OptimizationPath, pair.Provider.OptimizationPath, WorkbookComparison.OptimizationSheets);
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
