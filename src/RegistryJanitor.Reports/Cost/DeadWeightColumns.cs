using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>Columns of the Dead weight sheet; the first seven headers are a contract.</summary>
internal static class DeadWeightColumns
{
    public static List<TableColumn<DeadWeightRow>> Create(PriceBook prices) =>
    [
        new() { Header = "Kind", Kind = ColumnKind.Text, Text = r => r.Kind, Totals = TotalsKind.Label },
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry },
        new() { Header = "Repository", Kind = ColumnKind.Text, Text = r => r.Repository },
        new() { Header = "Tag", Kind = ColumnKind.Text, Text = r => r.Tag },
        new()
        {
            Header = "Digest",
            Kind = ColumnKind.Text,
            Text = r => r.Digest,
            MaxWidth = 75,
            Totals = TotalsKind.Count,
        },
        new() { Header = "Freed bytes", Kind = ColumnKind.Bytes, Number = r => r.FreedBytes, Totals = TotalsKind.Sum },
        new()
        {
            Header = "Monthly cost",
            Kind = ColumnKind.Currency,
            Formula = (c, r) =>
                $"{c.Ref("Freed bytes")}/{prices.BytesPerGiBCell}*{prices.For(r.Registry).StoragePrice}",
            Number = r => prices.StorageCost(r.Registry, r.FreedBytes),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Freed GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"{c.Ref("Freed bytes")}/{prices.BytesPerGiBCell}",
            Number = r => PriceBook.GiB(r.FreedBytes),
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Age days", Kind = ColumnKind.Count, Number = r => r.AgeDays },
        new() { Header = "Pushed", Kind = ColumnKind.Date, Number = r => r.PushedAt?.Date.ToOADate() },
        new() { Header = "Last pulled", Kind = ColumnKind.Date, Number = r => r.LastPulledAt?.Date.ToOADate() },
        new() { Header = "Detail", Kind = ColumnKind.Text, Text = r => r.Detail, MaxWidth = 60 },
    ];
}
