using RegistryJanitor.Reports.Model;

namespace RegistryJanitor.Reports.Cost;

/// <summary>One price or quota line of the Assumptions sheet.</summary>
internal sealed record PriceRow(RegistryPricing Pricing, string Name, double Value, string Unit, bool IsMoney)
{
    /// <summary>Storage price, included storage, daily fee, egress price — in this order.</summary>
    public const int RowsPerRegistry = 4;
}
