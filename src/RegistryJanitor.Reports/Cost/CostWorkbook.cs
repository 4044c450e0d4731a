using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>Writes registry-costs-YYYY-MM.xlsx (FinOps) into a stream.</summary>
internal static class CostWorkbook
{
    public const string Summary = "Summary";
    public const string Assumptions = "Assumptions";
    public const string Registries = "Registries";
    public const string Teams = "Teams";
    public const string Repositories = "Repositories";
    public const string Images = "Images";
    public const string SharedLayers = "Shared layers";
    public const string DeadWeight = "Dead weight";

    /// <summary>Writes the workbook and returns the data rows per sheet.</summary>
    public static IReadOnlyDictionary<string, int> Write(Stream stream, CostReportData data,
        CancellationToken cancellationToken)
    {
        using var workbook = new WorkbookBuilder(stream, data.Currency);
        var summary = workbook.AddSheet(Summary);
        var assumptions = workbook.AddSheet(Assumptions);
        var registries = workbook.AddSheet(Registries);
        var teams = workbook.AddSheet(Teams);
        var repositories = workbook.AddSheet(Repositories);
        var images = workbook.AddSheet(Images);
        var shared = workbook.AddSheet(SharedLayers);
        var deadWeight = workbook.AddSheet(DeadWeight);

        var prices = AssumptionsSheet.Write(workbook, assumptions, data, cancellationToken);
        var repositoryTable = TableSheet.Write(
            workbook,
            repositories,
            "Repositories",
            RepositoryColumns.Create(prices),
            data.Repositories,
            cancellationToken);
        var registryTable = TableSheet.Write(
            workbook, registries, "Registries", RegistryColumns.Create(prices), data.Registries, cancellationToken);
        TableSheet.Write(
            workbook,
            teams,
            "Teams",
            TeamColumns.Create(prices, repositoryTable, data.Repositories),
            data.Teams,
            cancellationToken);
        TableSheet.Write(workbook, images, "Images", ImageColumns.Create(prices), data.Images, cancellationToken);
        TableSheet.Write(
            workbook, shared, "SharedLayers", SharedLayerColumns.Create(prices), data.SharedLayers, cancellationToken);
        TableSheet.Write(
            workbook, deadWeight, "DeadWeight", DeadWeightColumns.Create(prices), data.DeadWeight, cancellationToken);
        CostSummarySheet.Write(workbook, summary, data, prices, registryTable, repositoryTable);
        workbook.Complete();

        return new Dictionary<string, int>
        {
            [Assumptions] = data.Pricing.Count * PriceRow.RowsPerRegistry + data.Assumptions.Count,
            [Registries] = data.Registries.Count,
            [Teams] = data.Teams.Count,
            [Repositories] = data.Repositories.Count,
            [Images] = data.Images.Count,
            [SharedLayers] = data.SharedLayers.Count,
            [DeadWeight] = data.DeadWeight.Count,
        };
    }
}
