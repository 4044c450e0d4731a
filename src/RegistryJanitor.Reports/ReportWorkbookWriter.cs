using System.Diagnostics;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Reports.Cost;
using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Optimization;

namespace RegistryJanitor.Reports;

/// <summary>
/// Writes the two monthly workbooks atomically into a folder and returns what a report run row records.
/// </summary>
public sealed class ReportWorkbookWriter(ILogger<ReportWorkbookWriter> logger)
{
    public const string CostsKind = "costs";
    public const string OptimizationKind = "optimization";

    /// <summary>Writes registry-costs-YYYY-MM.xlsx and registry-optimization-YYYY-MM.xlsx into the folder.</summary>
    public async Task<ReportRunResult> WriteAsync(CostReportData costs, OptimizationReportData optimization,
        string outputDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(costs);
        ArgumentNullException.ThrowIfNull(optimization);
        if (costs.Month != optimization.Month)
        {
            throw new ArgumentException("Both workbooks must describe the same month.", nameof(optimization));
        }

        var costFile = await WriteCostsAsync(costs, outputDirectory, cancellationToken);
        var optimizationFile = await WriteOptimizationAsync(optimization, outputDirectory, cancellationToken);
        return new ReportRunResult(costs.Month, [costFile, optimizationFile]);
    }

    /// <summary>
    /// Writes registry-costs-YYYY-MM.xlsx into the folder (created when missing), replacing it atomically.
    /// </summary>
    /// <exception cref="ArgumentException">A registry, repository, image or dead-weight row names a registry
    /// without <see cref="RegistryPricing"/>; no file is written or replaced then.</exception>
    public Task<ReportFile> WriteCostsAsync(CostReportData data, string outputDirectory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var path = Path.Combine(outputDirectory, ReportFileNames.Costs(data.Month));
        return Task.Run(
            () => WriteFile(CostsKind, data.Month, path, s => CostWorkbook.Write(s, data, cancellationToken)),
            cancellationToken);
    }

    /// <summary>Writes registry-optimization-YYYY-MM.xlsx into the folder, replacing it atomically.</summary>
    public Task<ReportFile> WriteOptimizationAsync(OptimizationReportData data, string outputDirectory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var path = Path.Combine(outputDirectory, ReportFileNames.Optimization(data.Month));
        return Task.Run(
            () => WriteFile(
                OptimizationKind, data.Month, path, s => OptimizationWorkbook.Write(s, data, cancellationToken)),
            cancellationToken);
    }

    private ReportFile WriteFile(string kind, DateOnly month, string path,
        Func<Stream, IReadOnlyDictionary<string, int>> write)
    {
        Log.Writing(logger, kind, month, path);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            IReadOnlyDictionary<string, int> rows = new Dictionary<string, int>();
            var (size, sha256) = AtomicFileWriter.Write(path, stream => rows = write(stream));
            var rowCount = rows.Values.Sum();
            Log.Written(logger, kind, path, rowCount, size, stopwatch.ElapsedMilliseconds, sha256);
            return new ReportFile(kind, Path.GetFullPath(path), size, sha256, rows);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Failed(logger, exception, kind, path);
            throw;
        }
    }
}
