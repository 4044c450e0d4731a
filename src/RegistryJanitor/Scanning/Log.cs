using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Scanning;

/// <summary>Scanner log messages: jobs 1100-1199, database 2100-2199.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Information,
        Message = "Scan of {Registry} started (run {RunId})")]
    public static partial void ScanStarted(ILogger logger, string registry, long runId);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information,
        Message = "Scan of {Registry} {Status} in {ElapsedSeconds:F1} s: {Repositories} repositories "
            + "({Failed} failed), {Tags} tags, {NewManifests} new and {KnownManifests} known manifests, "
            + "{NewBlobs} new blobs ({NewBytes} bytes), {Requests} requests, {Errors} errors")]
    public static partial void ScanFinished(
        ILogger logger, string registry, string status, double elapsedSeconds, int repositories, int failed,
        int tags, int newManifests, int knownManifests, int newBlobs, long newBytes, int requests, int errors);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error,
        Message = "Scan of {Registry} failed: {Reason}")]
    public static partial void ScanFailed(ILogger logger, string registry, string reason, Exception exception);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "Scan of {Registry}: {Repository} {Reference}: {Kind}: {Message}")]
    public static partial void ScanError(
        ILogger logger, string registry, string repository, string reference, string kind, string message);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Information,
        Message = "Scan progress {Progress}")]
    public static partial void Progress(ILogger logger, ScanProgress progress);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error,
        Message = "No registry named {Registry} is configured")]
    public static partial void UnknownRegistry(ILogger logger, string registry);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Information,
        Message = "Scan of {Registry}: the change feed reports {Unchanged} of {Repositories} repositories unchanged "
            + "since their last full scan; they are skipped")]
    public static partial void UnchangedSkipped(ILogger logger, string registry, int unchanged, int repositories);

    [LoggerMessage(EventId = 1107, Level = LogLevel.Warning,
        Message = "Scan of {Registry}: ChangeFeed is Notifications but RegistryEvents:Enabled is false, so no "
            + "notification can arrive; every repository is read in full")]
    public static partial void ChangeFeedWithoutReceiver(ILogger logger, string registry);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Debug,
        Message = "Stored {Repository}: {Manifests} new manifests, {Blobs} new blobs, {TagChanges} tag changes")]
    public static partial void RepositoryStored(
        ILogger logger, string repository, int manifests, int blobs, int tagChanges);
}
