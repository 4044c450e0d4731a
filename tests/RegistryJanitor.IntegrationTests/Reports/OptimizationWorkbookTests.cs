using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

public sealed class OptimizationWorkbookTests
{
    [Fact]
    public async Task WriteOptimizationAsync_SampleData_HeadersFollowTheContract()
    {
        using var files = new ReportTestFiles();

        var file = await files.WriteOptimizationAsync(OptimizationSampleData.Create());

        using var workbook = new WorkbookReadback(file.Path);
        Assert.Equal(["Summary", "Ranked", "Findings", "Decision matrix", "Retention", "Fixes", "Progress"],
            workbook.SheetNames);
        Assert.Equal(
            ["Rank", "Registry", "Repository", "Tag", "Digest", "Scenario", "Recommended approach", "Savings bytes",
                "Savings per month", "Effort", "Confidence", "Top findings"],
            workbook.Headers("Ranked", "Ranked").Take(12));
        Assert.Equal(
            ["Registry", "Repository", "Tag", "Digest", "Finding", "Severity", "Bytes", "Evidence"],
            workbook.Headers("Findings", "Findings").Take(8));
    }

    [Fact]
    public async Task WriteOptimizationAsync_SampleData_EveryFigureEqualsInput()
    {
        var data = OptimizationSampleData.Create();
        using var files = new ReportTestFiles();

        var file = await files.WriteOptimizationAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        for (var i = 0; i < data.Ranked.Count; i++)
        {
            var item = data.Ranked[i];
            var row = i + 2;
            Assert.Equal(item.Rank, (int)workbook.Cell("Ranked", $"A{row}").Number);
            Assert.Equal(item.Repository, workbook.Cell("Ranked", $"C{row}").Value);
            Assert.Equal(item.Tag, workbook.Cell("Ranked", $"D{row}").Value);
            Assert.Equal(item.RecommendedApproach, workbook.Cell("Ranked", $"G{row}").Value);
            Assert.Equal(item.SavingsBytes, (long)workbook.Cell("Ranked", $"H{row}").Number);
            Assert.Equal(item.SavingsPerMonth, workbook.Cell("Ranked", $"I{row}").Number);
            Assert.Equal(item.Confidence, workbook.Cell("Ranked", $"K{row}").Number);
        }

        for (var i = 0; i < data.Findings.Count; i++)
        {
            var finding = data.Findings[i];
            Assert.Equal(finding.Finding, workbook.Cell("Findings", $"E{i + 2}").Value);
            Assert.Equal(finding.Bytes, workbook.Cell("Findings", $"G{i + 2}").Value is null
                ? null
                : (long)workbook.Cell("Findings", $"G{i + 2}").Number);
            Assert.Equal(finding.Evidence, workbook.Cell("Findings", $"H{i + 2}").Value);
        }

        for (var i = 0; i < data.Retention.Count; i++)
        {
            Assert.Equal(data.Retention[i].FreedBytes, (long)workbook.Cell("Retention", $"F{i + 2}").Number);
            Assert.Equal(data.Retention[i].MonthlySaving, workbook.Cell("Retention", $"H{i + 2}").Number);
        }

        for (var i = 0; i < data.DecisionMatrix.Count; i++)
        {
            Assert.Equal(data.DecisionMatrix[i].Images, (int)workbook.Cell("Decision matrix", $"E{i + 2}").Number);
        }

        Assert.Equal(data.Fixes[0].DockerfileChange, workbook.Cell("Fixes", "G2").Value);
        Assert.Equal(data.Progress[1].Status, workbook.Cell("Progress", "G3").Value);

        var savings = data.Ranked.Sum(r => r.SavingsPerMonth);
        Assert.Equal(savings, CostWorkbookTests.SummaryValue(workbook, "Savings per month"),
            ReportTestFiles.Tolerance(savings));
        Assert.Equal(data.Ranked.Count, CostWorkbookTests.SummaryValue(workbook, "Ranked images"));
        Assert.Equal(data.Findings.Count(f => f.Severity is "high" or "critical"),
            CostWorkbookTests.SummaryValue(workbook, "High or critical findings"));
        Assert.Equal(data.Progress.Count(p => p.Status == "fixed"),
            CostWorkbookTests.SummaryValue(workbook, "Fixed since last month"));
    }
    [Fact]
    public async Task WriteOptimizationAsync_SampleData_TotalsRowsAreLabelledAndRetentionHasNone()
    {
        var data = OptimizationSampleData.Create();
        using var files = new ReportTestFiles();

        var file = await files.WriteOptimizationAsync(data);

        using var workbook = new WorkbookReadback(file.Path);
        var rankedTotals = data.Ranked.Count + 2;
        Assert.Equal("Total", workbook.Cell("Ranked", $"A{rankedTotals}").Value);
        Assert.Equal(data.Ranked.Count, (int)workbook.Cell("Ranked", $"C{rankedTotals}").Number);
        var fixesTotals = data.Fixes.Count + 2;
        Assert.Equal("Total", workbook.Cell("Fixes", $"A{fixesTotals}").Value);
        Assert.Equal(data.Fixes.Count, (int)workbook.Cell("Fixes", $"E{fixesTotals}").Number);
        var progressTotals = data.Progress.Count + 2;
        Assert.Equal("Total", workbook.Cell("Progress", $"A{progressTotals}").Value);
        Assert.Equal(data.Progress.Count, (int)workbook.Cell("Progress", $"C{progressTotals}").Number);
        Assert.Null(workbook.Cell("Retention", $"A{data.Retention.Count + 2}").Value);
    }
}
