using System.Security.Cryptography;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Xunit;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class WorkbookFileTests
{
    [Fact]
    public async Task WriteAsync_BothWorkbooks_PassTheOpenXmlValidator()
    {
        using var files = new ReportTestFiles();

        var result = await files.Writer.WriteAsync(
            ReportSampleData.Costs(), OptimizationSampleData.Create(), files.Directory,
            TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Files.Count);
        foreach (var file in result.Files)
        {
            foreach (var version in new[] { FileFormatVersions.Office2007, FileFormatVersions.Microsoft365 })
            {
                using var document = SpreadsheetDocument.Open(file.Path, isEditable: false);
                var errors = new OpenXmlValidator(version).Validate(document, TestContext.Current.CancellationToken)
                    .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
                    .ToList();
                Assert.True(errors.Count == 0, $"{version}: " + string.Join(Environment.NewLine, errors));
            }
        }
    }

    [Fact]
    public async Task WriteAsync_BothWorkbooks_LibreOfficeConvertsThemToPdf()
    {
        using var files = new ReportTestFiles();
        var result = await files.Writer.WriteAsync(
            ReportSampleData.Costs(), OptimizationSampleData.Create(), files.Directory,
            TestContext.Current.CancellationToken);
        var pdfFolder = Directory.CreateDirectory(Path.Combine(files.Directory, "pdf")).FullName;

        foreach (var file in result.Files)
        {
            var (output, errors, exitCode) = await LibreOffice.ConvertAsync(
                file.Path, "pdf", pdfFolder, TestContext.Current.CancellationToken);

            Assert.True(exitCode == 0, errors);
            Assert.True(File.Exists(output), $"no PDF from {file.Path}: {errors}");
            var header = new byte[5];
            await using var pdf = File.OpenRead(output);
            await pdf.ReadExactlyAsync(header, TestContext.Current.CancellationToken);
            Assert.Equal("%PDF-"u8.ToArray(), header);
            Assert.True(pdf.Length > 1000, $"PDF of {file.Path} has only {pdf.Length} bytes");
        }
    }

    [Fact]
    public async Task WriteAsync_SampleData_ResultCarriesPathsRowCountsAndChecksums()
    {
        var costs = ReportSampleData.Costs();
        var optimization = OptimizationSampleData.Create();
        using var files = new ReportTestFiles();

        var result = await files.Writer.WriteAsync(
            costs, optimization, files.Directory, TestContext.Current.CancellationToken);

        Assert.Equal(ReportSampleData.Month, result.Month);
        Assert.Equal(
            [Path.Combine(files.Directory, "registry-costs-2026-11.xlsx"),
                Path.Combine(files.Directory, "registry-optimization-2026-11.xlsx")],
            result.Files.Select(f => f.Path));
        foreach (var file in result.Files)
        {
            var bytes = await File.ReadAllBytesAsync(file.Path, TestContext.Current.CancellationToken);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
            Assert.Equal(bytes.Length, file.SizeBytes);
        }

        Assert.Equal(costs.Images.Count, result.Files[0].RowCounts["Images"]);
        Assert.Equal(costs.Repositories.Count, result.Files[0].RowCounts["Repositories"]);
        Assert.Equal(optimization.Findings.Count, result.Files[1].RowCounts["Findings"]);
        Assert.Equal(["registry-costs-2026-11.xlsx", "registry-optimization-2026-11.xlsx"],
            Directory.GetFiles(files.Directory).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task WriteCostsAsync_SampleData_HasNativeChartTablesFrozenHeadersAndPrintTitles()
    {
        var data = ReportSampleData.Costs();
        using var files = new ReportTestFiles();

        var file = await files.WriteCostsAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        var summary = workbook.SheetPart("Summary");
        var chart = summary.DrawingsPart!.ChartParts.Single().ChartSpace;
        var series = chart.Descendants<C.LineChartSeries>().ToList();
        Assert.Equal(3, series.Count);
        Assert.All(series, s => Assert.StartsWith("'Summary'!$", s.Descendants<C.Formula>().Last().Text,
            StringComparison.Ordinal));
        Assert.Equal(12, (int)series[2].Descendants<C.NumericPoint>().Count());
        Assert.Empty(summary.ImageParts);

        var images = workbook.Table("Images", "Images");
        Assert.Equal($"A1:R{data.Images.Count + 2}", images.Reference!.Value);
        Assert.Equal(1U, images.TotalsRowCount!.Value);
        Assert.NotNull(images.AutoFilter);
        var pane = workbook.SheetPart("Images").Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1D, pane.VerticalSplit!.Value);
        var printTitles = workbook.Workbook.Workbook.DefinedNames!.Elements<DefinedName>()
            .Where(d => d.Name == "_xlnm.Print_Titles")
            .Select(d => d.Text)
            .ToList();
        Assert.Contains("'Images'!$1:$1", printTitles);
        Assert.Contains("'Dead weight'!$1:$1", printTitles);
        var widths = workbook.SheetPart("Images").Worksheet.Descendants<Column>().Select(c => c.Width!.Value).ToList();
        Assert.True(widths[3] >= data.Images.Max(i => i.Digest.Length), "Digest column narrower than a digest");
    }
}
