using RegistryJanitor.Reports.Cost;
using RegistryJanitor.Reports.Model;
using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Optimization;

/// <summary>
/// Columns of the optimization workbook's tables; the headers named in the report contract come first.
/// </summary>
internal static class OptimizationColumns
{
    private const string G = PriceBook.BytesPerGiBText;

    // The totals row names itself in the first column; a count under Rank would read as one more rank.
    public static List<TableColumn<RankedItemRow>> Ranked() =>
    [
        new() { Header = "Rank", Kind = ColumnKind.Count, Number = r => r.Rank, Totals = TotalsKind.Label },
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry },
        new()
        {
            Header = "Repository",
            Kind = ColumnKind.Text,
            Text = r => r.Repository,
            Totals = TotalsKind.Count,
        },
        new() { Header = "Tag", Kind = ColumnKind.Text, Text = r => r.Tag },
        new() { Header = "Digest", Kind = ColumnKind.Text, Text = r => r.Digest, MaxWidth = 75 },
        new() { Header = "Scenario", Kind = ColumnKind.Text, Text = r => r.Scenario },
        new() { Header = "Recommended approach", Kind = ColumnKind.Text, Text = r => r.RecommendedApproach },
        new()
        {
            Header = "Savings bytes",
            Kind = ColumnKind.Bytes,
            Number = r => r.SavingsBytes,
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Savings per month",
            Kind = ColumnKind.Currency,
            Number = r => r.SavingsPerMonth,
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Effort", Kind = ColumnKind.Text, Text = r => r.Effort },
        new() { Header = "Confidence", Kind = ColumnKind.Percent, Number = r => r.Confidence },
        new() { Header = "Top findings", Kind = ColumnKind.Text, Text = r => r.TopFindings, MaxWidth = 60 },
        new()
        {
            Header = "Savings GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"{c.Ref("Savings bytes")}/{G}",
            Number = r => PriceBook.GiB(r.SavingsBytes),
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Reasons", Kind = ColumnKind.Text, Text = r => r.Reasons, MaxWidth = 80 },
    ];

    public static List<TableColumn<FindingRow>> Findings() =>
    [
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry, Totals = TotalsKind.Label },
        new() { Header = "Repository", Kind = ColumnKind.Text, Text = r => r.Repository },
        new() { Header = "Tag", Kind = ColumnKind.Text, Text = r => r.Tag },
        new() { Header = "Digest", Kind = ColumnKind.Text, Text = r => r.Digest, MaxWidth = 75 },
        new() { Header = "Finding", Kind = ColumnKind.Text, Text = r => r.Finding, Totals = TotalsKind.Count },
        new() { Header = "Severity", Kind = ColumnKind.Text, Text = r => r.Severity },
        new() { Header = "Bytes", Kind = ColumnKind.Bytes, Number = r => r.Bytes, Totals = TotalsKind.Sum },
        new() { Header = "Evidence", Kind = ColumnKind.Text, Text = r => r.Evidence, MaxWidth = 90 },
    ];

    public static List<TableColumn<DecisionMatrixRow>> DecisionMatrix() =>
    [
        new() { Header = "Scenario", Kind = ColumnKind.Text, Text = r => r.Scenario, Totals = TotalsKind.Label },
        new() { Header = "Recommended approach", Kind = ColumnKind.Text, Text = r => r.RecommendedApproach },
        new() { Header = "Why", Kind = ColumnKind.Text, Text = r => r.Why, MaxWidth = 50 },
        new() { Header = "Claimed cost impact", Kind = ColumnKind.Text, Text = r => r.ClaimedImpact, MaxWidth = 50 },
        new() { Header = "Images", Kind = ColumnKind.Count, Number = r => r.Images, Totals = TotalsKind.Sum },
        new()
        {
            Header = "Savings bytes",
            Kind = ColumnKind.Bytes,
            Number = r => r.SavingsBytes,
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Savings GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"{c.Ref("Savings bytes")}/{G}",
            Number = r => PriceBook.GiB(r.SavingsBytes),
            Totals = TotalsKind.Sum,
        },
        new()
        {
            Header = "Savings per month",
            Kind = ColumnKind.Currency,
            Number = r => r.SavingsPerMonth,
            Totals = TotalsKind.Sum,
        },
    ];

    // No totals row: the policies are alternatives, so a sum over them would mean nothing.
    public static List<TableColumn<RetentionPolicyRow>> Retention() =>
    [
        new() { Header = "Policy", Kind = ColumnKind.Text, Text = r => r.Policy },
        new() { Header = "Description", Kind = ColumnKind.Text, Text = r => r.Description, MaxWidth = 60 },
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry },
        new() { Header = "Manifests deleted", Kind = ColumnKind.Count, Number = r => r.ManifestsDeleted },
        new() { Header = "Tags deleted", Kind = ColumnKind.Count, Number = r => r.TagsDeleted },
        new() { Header = "Freed bytes", Kind = ColumnKind.Bytes, Number = r => r.FreedBytes },
        new()
        {
            Header = "Freed GiB",
            Kind = ColumnKind.GiB,
            Formula = (c, _) => $"{c.Ref("Freed bytes")}/{G}",
            Number = r => PriceBook.GiB(r.FreedBytes),
        },
        new() { Header = "Monthly saving", Kind = ColumnKind.Currency, Number = r => r.MonthlySaving },
    ];

    public static List<TableColumn<FixRow>> Fixes() =>
    [
        new() { Header = "Rank", Kind = ColumnKind.Count, Number = r => r.Rank, Totals = TotalsKind.Label },
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry },
        new() { Header = "Repository", Kind = ColumnKind.Text, Text = r => r.Repository },
        new() { Header = "Tag", Kind = ColumnKind.Text, Text = r => r.Tag },
        new()
        {
            Header = "Recommendation",
            Kind = ColumnKind.Text,
            Text = r => r.Recommendation,
            MaxWidth = 50,
            Totals = TotalsKind.Count,
        },
        new() { Header = "Ecosystem", Kind = ColumnKind.Text, Text = r => r.Ecosystem },
        new()
        {
            Header = "Dockerfile change",
            Kind = ColumnKind.WrapText,
            Text = r => r.DockerfileChange,
            MaxWidth = 90,
        },
    ];

    public static List<TableColumn<ProgressItemRow>> Progress() =>
    [
        new()
        {
            Header = "Previous rank",
            Kind = ColumnKind.Count,
            Number = r => r.PreviousRank,
            Totals = TotalsKind.Label,
        },
        new() { Header = "Registry", Kind = ColumnKind.Text, Text = r => r.Registry },
        new()
        {
            Header = "Repository",
            Kind = ColumnKind.Text,
            Text = r => r.Repository,
            Totals = TotalsKind.Count,
        },
        new() { Header = "Tag", Kind = ColumnKind.Text, Text = r => r.Tag },
        new() { Header = "Digest", Kind = ColumnKind.Text, Text = r => r.Digest, MaxWidth = 75 },
        new()
        {
            Header = "Savings per month then",
            Kind = ColumnKind.Currency,
            Number = r => r.SavingsPerMonthThen,
            Totals = TotalsKind.Sum,
        },
        new() { Header = "Status", Kind = ColumnKind.Text, Text = r => r.Status },
        new() { Header = "Detail", Kind = ColumnKind.Text, Text = r => r.Detail, MaxWidth = 60 },
    ];
}
