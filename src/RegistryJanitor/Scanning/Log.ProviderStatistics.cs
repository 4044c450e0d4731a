using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Scanning;

/// <summary>Provider statistics recorded after a cloud registry scan: cloud band 3230-3239.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3230, Level = LogLevel.Information,
        Message = "Registry {Registry}: {Source} is unavailable ({Reason})")]
    public static partial void ProviderStatisticUnavailable(
        ILogger logger, string registry, string source, string? reason);

    [LoggerMessage(EventId = 3231, Level = LogLevel.Debug,
        Message = "Registry {Registry}: {Count} daily pull counts recorded from {Source}")]
    public static partial void ProviderPullsRecorded(ILogger logger, string registry, int count, string source);
}
