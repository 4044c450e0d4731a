using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>
/// Columns of the Registries sheet: the bill per registry, with included storage and daily fees, and the storage
/// the provider itself bills, where it reports one.
/// </summary>
internal static class RegistryColumns
{
    private const string BilledBytes = "Billed storage bytes (provider)";
    private const string BilledGiB = "Billed storage GiB (provider)";

    public static List<TableColumn<RegistryCostRow>> Create(PriceBook prices) =>
    [
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry, Totals = TotalsKind.Label },
        new() { Header = "Provider", Kind = ColumnKind.Text, Text = r => r.Provider },
        new()
        {
            Header = "Pricing profile",
            Kind = ColumnKind.Text,
            Text = r => prices.For(r.Registry).Pricing.PricingProfile,
        },
        new()
        {
            Header = "Repositories",
            Kind = ColumnKind.Count,
            Number = r => r.Repositories,
            Totals = TotalsKind.Sum,
        },
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
            Header = "Stored GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, r) => $"{c.Ref("Stored bytes")}/{prices.BytesPerGiBCell}",
            Number = r => PriceBook.GiB(r.StoredBytes),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Included GiB",
            Kind = ColumnKind.GiB,
            Formula = (_, r) => prices.For(r.Registry).IncludedStorage,
            Number = r => prices.For(r.Registry).Pricing.IncludedStorageGiB,
        },
        new()
        {
            Header = "Billable GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"MAX(0,{c.Ref("Stored GiB")}-{c.Ref("Included GiB")})",
            Number = r => prices.BillableGiB(r.Registry, r.StoredBytes),
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
        new()
        {
            Header = "Storage cost",
            Kind = ColumnKind.Currency,
            Formula = (c, r) =>
            {
                var cells = prices.For(r.Registry);
                return $"{c.Ref("Billable GiB")}*{cells.StoragePrice}+{cells.DailyFee}*{prices.BilledDaysCell}";
            },
            Number = r => prices.RegistryStorageCost(r.Registry, r.StoredBytes),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Egress cost",
            Kind = ColumnKind.Currency,
            Formula = (c, r) => $"{c.Ref("Egress GiB")}*{prices.For(r.Registry).EgressPrice}",
            Number = r => prices.EgressCost(r.Registry, r.EgressBytes),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Total cost",
            Kind = ColumnKind.Currency,
            Formula = (c, _) => $"{c.Ref("Storage cost")}+{c.Ref("Egress cost")}",
            Number = r =>
                prices.RegistryStorageCost(r.Registry, r.StoredBytes) + prices.EgressCost(r.Registry, r.EgressBytes),
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Pull source", Kind = ColumnKind.Text, Text = r => r.PullSource },

        // The provider's billed storage sits after the existing columns so that their positions stay put. No totals:
        // registries without a reading would make a sum look comparable to the Stored bytes total when it is not.
        new()
        {
            Header = BilledBytes,
            Kind = ColumnKind.Bytes,
            Number = r => r.BilledStorageBytes,
        },
        new()
        {
            Header = BilledGiB,
            Kind = ColumnKind.GiB,
            IsBlank = r => r.BilledStorageBytes is null,
            Formula = (c, _) => $"{c.Ref(BilledBytes)}/{prices.BytesPerGiBCell}",
            Number = r => r.BilledStorageBytes / PriceBook.BytesPerGiB,
        },
        new()
        {
            Header = "Billed minus stored GiB (provider)",
            Kind = ColumnKind.GiB,
            IsBlank = r => r.BilledStorageBytes is null,
            Formula = (c, _) => $"{c.Ref(BilledGiB)}-{c.Ref("Stored GiB")}",
            Number = r => (r.BilledStorageBytes / PriceBook.BytesPerGiB) - PriceBook.GiB(r.StoredBytes),
        },
    ];
}
