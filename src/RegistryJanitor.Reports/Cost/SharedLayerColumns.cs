using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>Columns of the Shared layers sheet: the most referenced blobs and the bytes sharing saves.</summary>
internal static class SharedLayerColumns
{
    public static List<TableColumn<SharedLayerRow>> Create(PriceBook prices) =>
    [
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry, Totals = TotalsKind.Label },
        new()
        {
            Header = "Digest",
            Kind = ColumnKind.Text,
            Text = r => r.Digest,
            MaxWidth = 75,
            Totals = TotalsKind.Count,
        },
        new() { Header = "Size bytes", Kind = ColumnKind.Bytes, Number = r => r.SizeBytes, Totals = TotalsKind.Sum },
        new()
        {
            Header = "Size GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"{c.Ref("Size bytes")}/{prices.BytesPerGiBCell}",
            Number = r => PriceBook.GiB(r.SizeBytes),
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Referencing manifests", Kind = ColumnKind.Count, Number = r => r.ReferencingManifests },
        new() { Header = "Referencing repositories", Kind = ColumnKind.Count, Number = r => r.ReferencingRepositories },
        new()
        {
            Header = "Bytes saved by sharing",
            Kind = ColumnKind.Bytes,
            Formula = (c, _) => $"{c.Ref("Size bytes")}*MAX(0,{c.Ref("Referencing manifests")}-1)",
            Number = r => (double)r.SizeBytes * Math.Max(0, r.ReferencingManifests - 1),
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Base family", Kind = ColumnKind.Text, Text = r => r.BaseFamily },
        new() { Header = "Media type", Kind = ColumnKind.Text, Text = r => r.MediaType, MaxWidth = 50 },
    ];
}
