using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>Columns of the Teams sheet; costs are sums over the team's rows of the Repositories table.</summary>
/// <remarks>
/// The sums use <c>SUMPRODUCT(--EXACT(...))</c> rather than SUMIF: a team name comes from a registry label and
/// SUMIF would read a name such as <c>&gt;a</c> or <c>=x*</c> as a comparison or a wildcard, and compares
/// case-insensitively. The team name is only ever a cell the formula points at, never formula text.
/// </remarks>
internal static class TeamColumns
{
    public static List<TableColumn<TeamCostRow>> Create(PriceBook prices, TableLayout repositories,
        IReadOnlyList<RepositoryCostRow> repositoryRows)
    {
        var storage = SumBy(repositoryRows, r => prices.StorageCost(r.Registry, r.StoredBytes));
        var egress = SumBy(repositoryRows, r => prices.EgressCost(r.Registry, r.EgressBytes));
        var teams = repositories.Range("Team");

        return
        [
            new() { Header = "Team", Kind = ColumnKind.Text, Text = r => r.Team, Totals = TotalsKind.Label },
            new() { Header = "Allocation rule", Kind = ColumnKind.Text, Text = r => r.AllocationRule },
            new()
            {
                Header = "Repositories",
                Kind = ColumnKind.Count,
                Number = r => r.Repositories,
                Totals = TotalsKind.Sum,
            },
            new() { Header = "Tags", Kind = ColumnKind.Count, Number = r => r.Tags, Totals = TotalsKind.Sum },
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
                Formula = (c, _) =>
                    $"SUMPRODUCT(--EXACT({teams},{c.Ref("Team")}),{repositories.Range("Storage cost")})",
                Number = r => storage.GetValueOrDefault(r.Team),
                Totals = TotalsKind.Sum,
            },
            new()
            {
                Header = "Egress cost",
                Kind = ColumnKind.Currency,
                Formula = (c, _) => $"SUMPRODUCT(--EXACT({teams},{c.Ref("Team")}),{repositories.Range("Egress cost")})",
                Number = r => egress.GetValueOrDefault(r.Team),
                Totals = TotalsKind.Sum,
            },
            new()
            {
                Header = "Total cost",
                Kind = ColumnKind.Currency,
                Formula = (c, _) => $"{c.Ref("Storage cost")}+{c.Ref("Egress cost")}",
                Number = r => storage.GetValueOrDefault(r.Team) + egress.GetValueOrDefault(r.Team),
                Totals = TotalsKind.Sum,
            },
        ];
    }

    private static Dictionary<string, double> SumBy(IReadOnlyList<RepositoryCostRow> rows,
        Func<RepositoryCostRow, double> value)
    {
        var sums = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            sums[row.Team] = sums.GetValueOrDefault(row.Team) + value(row);
        }

        return sums;
    }
}
