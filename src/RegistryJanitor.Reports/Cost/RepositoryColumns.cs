using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>Columns of the Repositories sheet; the first ten headers are a contract.</summary>
internal static class RepositoryColumns
{
    public static List<TableColumn<RepositoryCostRow>> Create(PriceBook prices) =>
    [
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry, Totals = TotalsKind.Label },
        new() { Header = "Repository", Kind = ColumnKind.Text, Text = r => r.Repository, Totals = TotalsKind.Count },
        new() { Header = "Team", Kind = ColumnKind.Text, Text = r => r.Team },
        new() { Header = "Tags", Kind = ColumnKind.Count, Number = r => r.Tags, Totals = TotalsKind.Sum },
        new() { Header = "Manifests", Kind = ColumnKind.Count, Number = r => r.Manifests, Totals = TotalsKind.Sum },
        new()
        {
            Header = "Logical bytes",
            Kind = ColumnKind.Bytes,
            Number = r => r.LogicalBytes,
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Stored bytes",
            Kind = ColumnKind.Bytes,
            Number = r => r.StoredBytes,
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Storage cost",
            Kind = ColumnKind.Currency,
            Formula = (c, r) =>
                $"{c.Ref("Stored bytes")}/{prices.BytesPerGiBCell}*{prices.For(r.Registry).StoragePrice}",
            Number = r => prices.StorageCost(r.Registry, r.StoredBytes),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Egress cost",
            Kind = ColumnKind.Currency,
            Formula = (c, r) =>
                $"{c.Ref("Egress bytes")}/{prices.BytesPerGiBCell}*{prices.For(r.Registry).EgressPrice}",
            Number = r => prices.EgressCost(r.Registry, r.EgressBytes),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Total cost",
            Kind = ColumnKind.Currency,
            Formula = (c, _) => $"{c.Ref("Storage cost")}+{c.Ref("Egress cost")}",
            Number = r => TotalCost(prices, r),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Stored GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"{c.Ref("Stored bytes")}/{prices.BytesPerGiBCell}",
            Number = r => PriceBook.GiB(r.StoredBytes),
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Pulls", Kind = ColumnKind.Count, Number = r => r.Pulls, Totals = TotalsKind.Sum },
        new()
        {
            Header = "Egress bytes",
            Kind = ColumnKind.Bytes,
            Number = r => r.EgressBytes,
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Egress GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"{c.Ref("Egress bytes")}/{prices.BytesPerGiBCell}",
            Number = r => PriceBook.GiB(r.EgressBytes),
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Pull source", Kind = ColumnKind.Text, Text = r => r.PullSource },
    ];

    public static double TotalCost(PriceBook prices, RepositoryCostRow row) =>
        prices.StorageCost(row.Registry, row.StoredBytes) + prices.EgressCost(row.Registry, row.EgressBytes);
}
