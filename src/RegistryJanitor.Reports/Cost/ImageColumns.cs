using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>Columns of the Images sheet (one row per tag); the first eleven headers are a contract.</summary>
/// <remarks>Storage cost is the image's amortized share (each blob split over the manifests using it) at list
/// price, so the column sums to the registry's blob storage without counting shared layers twice.</remarks>
internal static class ImageColumns
{
    public static List<TableColumn<ImageCostRow>> Create(PriceBook prices) =>
    [
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry, Totals = TotalsKind.Label },
        new() { Header = "Repository", Kind = ColumnKind.Text, Text = r => r.Repository },
        new() { Header = "Tag", Kind = ColumnKind.Text, Text = r => r.Tag, Totals = TotalsKind.Count },
        new() { Header = "Digest", Kind = ColumnKind.Text, Text = r => r.Digest, MaxWidth = 75 },
        new() { Header = "Image bytes", Kind = ColumnKind.Bytes, Number = r => r.ImageBytes, Totals = TotalsKind.Sum },
        new()
        {
            Header = "Exclusive bytes",
            Kind = ColumnKind.Bytes,
            Number = r => r.ExclusiveBytes,
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Amortized bytes",
            Kind = ColumnKind.Bytes,
            Number = r => r.AmortizedBytes,
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
            Header = "Storage cost",
            Kind = ColumnKind.Currency,
            Formula = (c, r) =>
                $"{c.Ref("Amortized bytes")}/{prices.BytesPerGiBCell}*{prices.For(r.Registry).StoragePrice}",
            Number = r => prices.StorageCost(r.Registry, r.AmortizedBytes),
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
            Number = r =>
                prices.StorageCost(r.Registry, r.AmortizedBytes) + prices.EgressCost(r.Registry, r.EgressBytes),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Amortized GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"{c.Ref("Amortized bytes")}/{prices.BytesPerGiBCell}",
            Number = r => PriceBook.GiB(r.AmortizedBytes),
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Pushed", Kind = ColumnKind.Date, Number = r => r.PushedAt?.Date.ToOADate() },
        new() { Header = "Pushed source", Kind = ColumnKind.Text, Text = r => r.PushedSource },
        new() { Header = "Last pull", Kind = ColumnKind.Date, Number = r => r.LastPulledAt?.Date.ToOADate() },
        new() { Header = "Media type", Kind = ColumnKind.Text, Text = r => r.MediaType, MaxWidth = 50 },
        new() { Header = "Pull source", Kind = ColumnKind.Text, Text = r => r.PullSource },
    ];
}
