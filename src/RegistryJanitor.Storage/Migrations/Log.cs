using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Storage.Migrations;

/// <summary>Log messages of the migrations runner (event ids 2000-2019).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug,
        Message = "Waiting for the migrations lock of database {Database}")]
    public static partial void WaitingForMigrationLock(this ILogger logger, string database);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Applying migration {FileName}")]
    public static partial void ApplyingMigration(this ILogger logger, string fileName);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information,
        Message = "Applied migration {FileName} in {ElapsedMs} ms")]
    public static partial void MigrationApplied(this ILogger logger, string fileName, long elapsedMs);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Database {Database} records migration version {Version} ({FileName}) that this build does not have")]
    public static partial void UnknownAppliedMigration(
        this ILogger logger, string database, int version, string fileName);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information,
        Message = "Schema of {Database} is current: {Applied} migrations applied now, {AlreadyApplied} before, " +
                  "in {ElapsedMs} ms")]
    public static partial void MigrationsCompleted(
        this ILogger logger, string database, int applied, int alreadyApplied, long elapsedMs);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error,
        Message = "Migration {FileName} failed and was rolled back")]
    public static partial void MigrationFailed(this ILogger logger, Exception exception, string fileName);
}
