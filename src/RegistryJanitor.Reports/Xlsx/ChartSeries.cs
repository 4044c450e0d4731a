namespace RegistryJanitor.Reports.Xlsx;

/// <summary>
/// One charted series: the cell holding its name, the cells holding its values, and their cached copies.
/// </summary>
internal sealed record ChartSeries(
    string NameReference,
    string Name,
    string ValuesReference,
    IReadOnlyList<double> Values);
