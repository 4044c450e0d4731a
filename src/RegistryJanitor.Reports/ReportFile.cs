namespace RegistryJanitor.Reports;

/// <summary>One written workbook, as a report run row records it.</summary>
/// <param name="Kind"><c>costs</c> or <c>optimization</c>.</param>
/// <param name="Path">Full path of the final file.</param>
/// <param name="SizeBytes">File size in bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file content.</param>
/// <param name="RowCounts">Data rows per sheet (totals and header rows excluded).</param>
public sealed record ReportFile(
    string Kind,
    string Path,
    long SizeBytes,
    string Sha256,
    IReadOnlyDictionary<string, int> RowCounts);
