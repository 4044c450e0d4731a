using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>
/// The totals block of the cost Summary: labels (a contract), formulas over Registries, cached values.
/// </summary>
internal static class CostSummaryFigures
{
    public const string LogicalBytes = "Logical bytes";
    public const string LogicalGiB = "Logical GiB";
    public const string StoredBytes = "Stored bytes";
    public const string StoredGiB = "Stored GiB";
    public const string StorageCost = "Storage cost";
    public const string Pulls = "Pulls";
    public const string EgressBytes = "Egress bytes";
    public const string EgressGiB = "Egress GiB";
    public const string EgressCost = "Egress cost";
    public const string TotalCost = "Total cost";

    public static List<SummaryFigure> Build(CostReportData data, PriceBook prices, TableLayout registries)
    {
        var rows = data.Registries;
        var previous = data.PreviousMonth;
        var logical = rows.Sum(r => (double)r.LogicalBytes);
        var stored = rows.Sum(r => (double)r.StoredBytes);
        var storage = rows.Sum(r => prices.RegistryStorageCost(r.Registry, r.StoredBytes));
        var pulls = rows.Sum(r => (double)r.Pulls);
        var egressBytes = rows.Sum(r => (double)r.EgressBytes);
        var egress = rows.Sum(r => prices.EgressCost(r.Registry, r.EgressBytes));
        var first = CostSummarySheet.FiguresHeaderRow + 1;
        string Sum(string header) => $"SUM({registries.Range(header)})";
        string Gib(int figureIndex) => $"B{first + figureIndex}/{prices.BytesPerGiBCell}";

        return
        [
            new(LogicalBytes, Sum("Logical bytes"), logical, previous?.LogicalBytes, CellStyle.Integer),
            new(LogicalGiB, Gib(0), logical / PriceBook.BytesPerGiB, ToGiB(previous?.LogicalBytes), CellStyle.GiB),
            new(StoredBytes, Sum("Stored bytes"), stored, previous?.StoredBytes, CellStyle.Integer),
            new(StoredGiB, Gib(2), stored / PriceBook.BytesPerGiB, ToGiB(previous?.StoredBytes), CellStyle.GiB),
            new(StorageCost, Sum("Storage cost"), storage, previous?.StorageCost, CellStyle.Currency),
            new(Pulls, Sum("Pulls"), pulls, previous?.Pulls, CellStyle.Integer),
            new(EgressBytes, Sum("Egress bytes"), egressBytes, previous?.EgressBytes, CellStyle.Integer),
            new(EgressGiB, Gib(6), egressBytes / PriceBook.BytesPerGiB, ToGiB(previous?.EgressBytes), CellStyle.GiB),
            new(EgressCost, Sum("Egress cost"), egress, previous?.EgressCost, CellStyle.Currency),
            new(TotalCost, $"B{first + 4}+B{first + 8}", storage + egress,
                previous is null ? null : previous.StorageCost + previous.EgressCost, CellStyle.Currency),
        ];
    }

    public static int IndexOf(IReadOnlyList<SummaryFigure> figures, string label)
    {
        for (var i = 0; i < figures.Count; i++)
        {
            if (figures[i].Label == label)
            {
                return i;
            }
        }

        throw new ArgumentException($"No summary figure '{label}'.", nameof(label));
    }

    private static double? ToGiB(long? bytes) => bytes / PriceBook.BytesPerGiB;
}
