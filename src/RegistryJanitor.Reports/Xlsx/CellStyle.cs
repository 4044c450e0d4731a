namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Indexes into the cell formats of <see cref="StylesheetFactory"/>; the order must match.</summary>
internal enum CellStyle : uint
{
    Default = 0,
    Header = 1,
    Text = 2,
    TextQuoted = 3,
    Integer = 4,
    GiB = 5,
    Currency = 6,
    Price = 7,
    Percent = 8,
    Date = 9,
    Title = 10,
    Note = 11,
    TextWrap = 12,
    TextWrapQuoted = 13,
    Label = 14,
    Decimal = 15,
}
