namespace RegistryJanitor.Core.Costs;

/// <summary>Prices stored bytes for one month with a pricing profile.</summary>
public static class StorageCostCalculator
{
    /// <summary>The cost of holding <paramref name="storedBytes"/> for a month of the given length.</summary>
    public static StorageCost MonthlyCost(
        string profileName,
        PricingProfileOptions profile,
        long storedBytes,
        int daysInMonth)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(storedBytes);
        ArgumentOutOfRangeException.ThrowIfLessThan(daysInMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(daysInMonth, 31);

        var storedGb = (decimal)storedBytes / profile.BillingUnitBytes;
        var billableGb = Math.Max(0m, storedGb - profile.IncludedStorageGb);
        var feeCost = profile.DailyFee * daysInMonth;
        var overageCost = billableGb * (profile.StoragePricePerGbMonth + (profile.StoragePricePerGbDay * daysInMonth));
        return new StorageCost(profileName, storedBytes, storedGb, billableGb, daysInMonth, feeCost, overageCost);
    }

    /// <summary>Days in the month of <paramref name="month"/>.</summary>
    public static int DaysInMonth(DateOnly month) => DateTime.DaysInMonth(month.Year, month.Month);
}
