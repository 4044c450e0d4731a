using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Events;

/// <summary>Log messages of the registry events receiver (event ids 5200-5209).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning,
        Message = "Refused a registry events batch for {Registry}: missing or wrong Authorization header")]
    public static partial void EventsUnauthorized(this ILogger logger, string registry);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning,
        Message = "Rejected a registry events batch for {Registry}: {Reason}")]
    public static partial void EventsRejected(this ILogger logger, string registry, string reason);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug,
        Message = "Registry events for {Registry}: {Counted} pulls counted of {Pulls}, {Own} own requests and " +
                  "{Ignored} other events left out")]
    public static partial void EventsRecorded(
        this ILogger logger, string registry, int counted, int pulls, int own, int ignored);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Debug,
        Message = "Registry events for {Registry}: {Repositories} repositories changed ({Events} events)")]
    public static partial void ChangesRecorded(this ILogger logger, string registry, int repositories, int events);
}
