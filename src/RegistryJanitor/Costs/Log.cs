using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Costs;

/// <summary>Log messages of the daily cost job (event ids 5220-5229).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5220, Level = LogLevel.Information,
        Message = "Costs of {Registry} for {Day}: {Manifests} manifests, {StoredBytes} stored bytes, " +
                  "{LogicalBytes} logical bytes, storage {MonthlyCost} {Currency}/month ({Profile}), " +
                  "in {ElapsedMs} ms")]
    public static partial void RegistryCostComputed(
        this ILogger logger, string registry, DateOnly day, int manifests, long storedBytes, long logicalBytes,
        decimal monthlyCost, string currency, string profile, long elapsedMs);

    [LoggerMessage(EventId = 5221, Level = LogLevel.Information,
        Message = "Daily costs computed for {Registries} registries for {Day}; {Receipts} old event receipts pruned")]
    public static partial void DailyCostsCompleted(this ILogger logger, int registries, DateOnly day, int receipts);
}
