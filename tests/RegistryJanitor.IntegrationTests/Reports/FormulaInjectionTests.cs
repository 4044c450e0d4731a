using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class FormulaInjectionTests
{
    [Fact]
    public async Task WriteAsync_HostileNames_LandAsQuotePrefixedTextCells()
    {
        var costs = ReportSampleData.Costs();
        var optimization = OptimizationSampleData.Create();
        using var files = new ReportTestFiles();

        var result = await files.Writer.WriteAsync(
            costs, optimization, files.Directory, TestContext.Current.CancellationToken);

        var hostileSeen = 0;
        foreach (var file in result.Files)
        {
            using var workbook = new WorkbookReadback(file.Path);
            foreach (var sheet in workbook.SheetNames)
            {
                foreach (var (reference, cell) in workbook.Cells(sheet))
                {
                    if (cell.IsText && cell.Value!.Length > 0
                        && cell.Value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
                    {
                        hostileSeen++;
                        Assert.True(cell.QuotePrefix, $"{sheet}!{reference} holds '{cell.Value}' without quote prefix");
                        Assert.Equal(49U, cell.NumberFormatId);
                    }

                    if (cell.Formula is not null)
                    {
                        Assert.DoesNotContain("cmd", cell.Formula, StringComparison.OrdinalIgnoreCase);
                        Assert.DoesNotContain("HYPERLINK", cell.Formula, StringComparison.OrdinalIgnoreCase);
                    }
                }
            }
        }

        using var costBook = new WorkbookReadback(result.Files[0].Path);
        var formulaRegistry = costBook.Cell("Registries", "A4");
        Assert.Equal(ReportSampleData.FormulaName, formulaRegistry.Value);
        Assert.True(formulaRegistry.IsText);
        Assert.Null(formulaRegistry.Formula);
        Assert.Equal(ReportSampleData.PlusName, costBook.Cell("Teams", "A3").Value);
        Assert.Null(costBook.Cell("Teams", "A3").Formula);
        Assert.Equal(ReportSampleData.AtName, costBook.Cell("Images", "C2").Value);
        Assert.Null(costBook.Cell("Images", "C2").Formula);
        Assert.True(hostileSeen >= 20, $"only {hostileSeen} hostile cells found");
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0", true)]
    [InlineData("+1+1", true)]
    [InlineData("@SUM(1)", true)]
    [InlineData("-2", true)]
    [InlineData("\tx", true)]
    [InlineData("\rx", true)]
    [InlineData("team/=service", false)]
    [InlineData("", false)]
    public void Prepare_LeadingFormulaCharacter_IsFlaggedAndKeptVerbatim(string raw, bool flagged)
    {
        var safe = RegistryJanitor.Reports.Xlsx.CellText.Prepare(raw);

        Assert.Equal(flagged, safe.NeedsQuotePrefix);
        Assert.Equal(raw, safe.Value);
    }

    [Fact]
    public void Prepare_ControlCharactersAndOverlongText_AreMadeXmlSafeAndCut()
    {
        var raw = "a\u0001b\uD800c" + new string('x', 40_000);

        var safe = RegistryJanitor.Reports.Xlsx.CellText.Prepare(raw);

        Assert.StartsWith("a\uFFFDb\uFFFDc", safe.Value, StringComparison.Ordinal);
        Assert.Equal(32_767, safe.Value.Length);
    }

    [Theory]
    [InlineData("Dead weight", "Dead weight")]
    [InlineData("a/b\\c[d]:e*f?g", "a_b_c_d__e_f_g")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("History", "History_")]
    [InlineData("", "Sheet")]
    [InlineData("this sheet name is far longer than thirty-one characters", "this sheet name is far longer t")]
    public void Sanitize_SheetName_FollowsExcelRules(string raw, string expected)
    {
        Assert.Equal(expected, RegistryJanitor.Reports.Xlsx.SheetNames.Sanitize(raw));
    }

    [Theory]
    [InlineData("registry-costs-2026-11.xlsx", "registry-costs-2026-11.xlsx")]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("=cmd|x.xlsx", "_cmd_x.xlsx")]
    public void Sanitize_FileName_KeepsOnlySafeCharacters(string raw, string expected)
    {
        Assert.Equal(expected, RegistryJanitor.Reports.ReportFileNames.Sanitize(raw));
    }
}
