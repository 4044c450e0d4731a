namespace RegistryJanitor.Demo;

/// <summary>Log messages of the demo seeder: event ids 1200-1209.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "Seeded demo registry {Registry}: {Manifests} manifests, {Blobs} blobs uploaded ({Bytes} bytes) "
            + "in {ElapsedMs} ms")]
    public static partial void DemoSeeded(
        this ILogger logger, string registry, int manifests, int blobs, long bytes, long elapsedMs);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information,
        Message = "Demo registry {Registry} is already seeded; nothing pushed")]
    public static partial void DemoAlreadySeeded(this ILogger logger, string registry);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning,
        Message = "Refused to seed {Registry}: it holds {Count} repositories the seeder did not create")]
    public static partial void DemoRefused(this ILogger logger, string registry, int count);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Seeding demo registry {Registry} failed")]
    public static partial void DemoFailed(this ILogger logger, string registry, Exception exception);
}
