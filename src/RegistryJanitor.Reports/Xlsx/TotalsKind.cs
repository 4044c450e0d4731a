namespace RegistryJanitor.Reports.Xlsx;

/// <summary>What the totals row shows under a column.</summary>
internal enum TotalsKind
{
    None,
    Label,
    Sum,
    Count,
}
