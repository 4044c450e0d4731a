using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class EdgeCaseTests
{
    [Fact]
    public async Task WriteAsync_EmptyMonthWithoutHistory_WritesValidWorkbooksLibreOfficeOpens()
    {
        var costs = ReportSampleData.Costs() with
        {
            PreviousMonth = null,
            History = [],
            Images = [],
            Repositories = [],
            Teams = [],
            SharedLayers = [],
            DeadWeight = [],
            Assumptions = [],
        };
        var optimization = OptimizationSampleData.Create() with
        {
            Ranked = [], Findings = [], DecisionMatrix = [], Retention = [], Fixes = [], Progress = [],
        };
        using var files = new ReportTestFiles();

        var result = await files.Writer.WriteAsync(
            costs, optimization, files.Directory, TestContext.Current.CancellationToken);

        foreach (var file in result.Files)
        {
            foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 })
            {
                using var document = SpreadsheetDocument.Open(file.Path, isEditable: false);
                var errors = new OpenXmlValidator(version)
                    .Validate(document, TestContext.Current.CancellationToken)
                    .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
                    .ToList();
                Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
            }

            var (output, errorText, exitCode) = await LibreOffice.ConvertAsync(
                file.Path, "pdf", files.Directory, TestContext.Current.CancellationToken);
            Assert.True(exitCode == 0 && File.Exists(output), errorText);
        }

        using var workbook = new WorkbookReadback(result.Files[0].Path);
        Assert.Equal(0, result.Files[0].RowCounts["Images"]);
        Assert.Equal("A1:R3", workbook.Table("Images", "Images").Reference!.Value);
        Assert.Equal(
            costs.Registries.Sum(r => r.StoredBytes), (long)CostWorkbookTests.SummaryValue(workbook, "Stored bytes"));
        Assert.Null(workbook.Cell("Summary", "C7").Value);
    }

    [Fact]
    public async Task WriteCostsAsync_RegistryWithoutPricing_FailsAndKeepsThePreviousFile()
    {
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();
        var first = await files.WriteCostsAsync(data);
        var broken = data with { Pricing = [.. data.Pricing.Skip(1)] };

        var failure = await Assert.ThrowsAsync<ArgumentException>(() => files.WriteCostsAsync(broken));

        Assert.Contains(data.Pricing[0].Registry, failure.Message, StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(first.Path)], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
        var bytes = await File.ReadAllBytesAsync(first.Path, TestContext.Current.CancellationToken);
        Assert.Equal(first.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task WriteCostsAsync_CancelledToken_ThrowsAndLeavesNoFile()
    {
        using var files = new ReportTestFiles();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            files.Writer.WriteCostsAsync(ReportSampleData.Costs(), files.Directory, cancellation.Token));

        Assert.Empty(Directory.GetFiles(files.Directory));
    }
}
