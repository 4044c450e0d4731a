using Microsoft.Extensions.Logging.Abstractions;
using RegistryJanitor.Reports;
using RegistryJanitor.Reports.Model;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>Writes workbooks into a fresh temporary folder per test and removes it afterwards.</summary>
internal sealed class ReportTestFiles : IDisposable
{
    public const double BytesPerGiB = 1024d * 1024 * 1024;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("rj-reports-").FullName;

    public ReportWorkbookWriter Writer { get; } = new(NullLogger<ReportWorkbookWriter>.Instance);

    public Task<ReportFile> WriteCostsAsync(CostReportData data) =>
        Writer.WriteCostsAsync(data, Directory, TestContext.Current.CancellationToken);

    public Task<ReportFile> WriteOptimizationAsync(OptimizationReportData data) =>
        Writer.WriteOptimizationAsync(data, Directory, TestContext.Current.CancellationToken);

    /// <summary>Relative tolerance for money and GiB computed in doubles two ways.</summary>
    public static double Tolerance(double expected) => 1e-9 * Math.Max(1, Math.Abs(expected));

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
