namespace RegistryJanitor.IntegrationTests.Reports;

/// <summary>A cell as read back: resolved text or number text, formula text, whether it is a string cell.</summary>
internal sealed record ReadCell(string? Value, string? Formula, bool IsText, bool QuotePrefix, uint NumberFormatId)
{
    public double Number => double.Parse(Value ?? "NaN", System.Globalization.CultureInfo.InvariantCulture);
}
