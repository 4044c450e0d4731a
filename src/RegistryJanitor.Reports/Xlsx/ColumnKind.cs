namespace RegistryJanitor.Reports.Xlsx;

/// <summary>What a table column holds; decides its number format and width estimate.</summary>
internal enum ColumnKind
{
    Text,
    WrapText,
    Count,
    Bytes,
    GiB,
    Currency,
    Price,
    Percent,
    Date,
    Decimal,
}
