namespace RegistryJanitor.Core.Costs;

/// <summary>Byte counts of the billing units providers use.</summary>
public static class BillingUnits
{
    /// <summary>The binary gigabyte (2^30 bytes) that AWS and Azure bill in.</summary>
    public const long BinaryGigabyte = 1L << 30;

    /// <summary>The decimal gigabyte (10^9 bytes).</summary>
    public const long DecimalGigabyte = 1_000_000_000L;
}
