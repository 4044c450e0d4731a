namespace RegistryJanitor.Reports.Xlsx;

/// <summary>A string made safe for a cell: XML-valid, within Excel's length limit, and flagged when it looks
/// like a formula so it gets the quote-prefix style.</summary>
internal readonly record struct SafeCellText(string Value, bool NeedsQuotePrefix);
