using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RegistryJanitor.Storage.Migrations;

/// <summary>
/// Brings a PostgreSQL database up to the numbered SQL files of the migrations folder, and tells whether it is.
/// </summary>
/// <remarks>
/// Every replica may call <see cref="MigrateAsync"/> at start-up: a session-level advisory lock (scoped to the
/// database) lets one caller apply while the others wait, after which they find nothing pending. Each script runs
/// in its own transaction together with its <c>schema_history</c> row, so a failed script leaves no trace and the
/// next attempt starts from it again. Scripts therefore cannot use statements PostgreSQL refuses inside a
/// transaction (<c>CREATE INDEX CONCURRENTLY</c>, <c>VACUUM</c>). A file with a lower version than one already
/// applied (migrations from another branch merged later) is applied in version order among the pending ones.
/// </remarks>
public sealed class MigrationRunner
{
    /// <summary>The advisory lock key every replica takes while migrating (ASCII "RJMIGRAT").</summary>
    public const long AdvisoryLockKey = 0x524A_4D49_4752_4154;

    private const string CreateHistoryTableSql = """
        CREATE TABLE IF NOT EXISTS schema_history (
            version      INTEGER     NOT NULL PRIMARY KEY,
            description  TEXT        NOT NULL,
            file_name    TEXT        NOT NULL,
            checksum     TEXT        NOT NULL,
            applied_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
            execution_ms BIGINT      NOT NULL
        )
        """;

    private const string HistoryExistsSql = """
        SELECT to_regclass('schema_history') IS NOT NULL
        """;

    private const string SelectHistorySql = """
        SELECT version AS Version, file_name AS FileName, checksum AS Checksum
        FROM schema_history
        ORDER BY version
        """;

    private const string InsertHistorySql = """
        INSERT INTO schema_history (version, description, file_name, checksum, execution_ms)
        VALUES (@version, @description, @fileName, @checksum, @executionMs)
        """;

    private const string LockSql = """
        SELECT pg_advisory_lock(@lockKey)
        """;

    private const string UnlockSql = """
        SELECT pg_advisory_unlock(@lockKey)
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly MigrationOptions _options;
    private readonly ILogger<MigrationRunner> _logger;
    private readonly Lazy<IReadOnlyList<MigrationScript>> _scripts;

    public MigrationRunner(
        NpgsqlDataSource dataSource, IOptions<MigrationOptions> options, ILogger<MigrationRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _dataSource = dataSource;
        _options = options.Value;
        _logger = logger;
        _scripts = new Lazy<IReadOnlyList<MigrationScript>>(
            () => MigrationCatalog.Load(MigrationCatalog.ResolveDirectory(_options.Path)));
    }

    /// <summary>The migrations of the configured folder, read once per runner, in version order.</summary>
    /// <exception cref="MigrationException">The folder is missing or holds a misnamed or duplicate file.</exception>
    public IReadOnlyList<MigrationScript> Scripts => _scripts.Value;

    /// <summary>Applies every pending migration, each once, under the database's migrations lock.</summary>
    /// <exception cref="MigrationException">An applied file changed, or a script failed (it was rolled
    /// back).</exception>
    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        var scripts = Scripts;
        var stopwatch = Stopwatch.StartNew();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);

        _logger.WaitingForMigrationLock(connection.Database);
        await connection.ExecuteAsync(new CommandDefinition(
            LockSql, new { lockKey = AdvisoryLockKey }, commandTimeout: 0, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                CreateHistoryTableSql, cancellationToken: cancellationToken));
            var applied = await ReadHistoryAsync(connection, cancellationToken);

            var status = Compare(scripts, applied, connection.Database);
            ThrowIfChanged(status);

            foreach (var script in status.Pending)
            {
                await ApplyAsync(connection, script, cancellationToken);
            }

            var alreadyApplied = scripts.Count - status.Pending.Count;
            _logger.MigrationsCompleted(
                connection.Database, status.Pending.Count, alreadyApplied, stopwatch.ElapsedMilliseconds);
            return new MigrationResult(status.Pending, alreadyApplied);
        }
        finally
        {
            // CancellationToken.None: the lock must be released even when the caller gave up.
            await connection.ExecuteAsync(new CommandDefinition(
                UnlockSql, new { lockKey = AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>Compares the database with the folder without changing anything (used by readiness).</summary>
    public async Task<MigrationStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var scripts = Scripts;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);

        var historyExists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            HistoryExistsSql, cancellationToken: cancellationToken));
        var applied = historyExists
            ? await ReadHistoryAsync(connection, cancellationToken)
            : [];
        return Compare(scripts, applied, database: null);
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadHistoryAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AppliedMigration>(new CommandDefinition(
            SelectHistorySql, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private MigrationStatus Compare(
        IReadOnlyList<MigrationScript> scripts, IReadOnlyList<AppliedMigration> applied, string? database)
    {
        var appliedByVersion = applied.ToDictionary(row => row.Version);
        var pending = new List<MigrationScript>();
        var changed = new List<MigrationScript>();
        foreach (var script in scripts)
        {
            if (!appliedByVersion.Remove(script.Version, out var row))
            {
                pending.Add(script);
            }
            else if (!string.Equals(row.Checksum, script.Checksum, StringComparison.Ordinal))
            {
                changed.Add(script);
            }
        }

        // Rows left over were applied by a newer build (a rolling upgrade): tolerated, but worth a line.
        if (database is not null)
        {
            foreach (var row in appliedByVersion.Values)
            {
                _logger.UnknownAppliedMigration(database, row.Version, row.FileName);
            }
        }

        return new MigrationStatus(pending, changed);
    }

    private static void ThrowIfChanged(MigrationStatus status)
    {
        if (status.Changed.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", status.Changed.Select(script => script.FileName));
        throw new MigrationException(
            $"applied migration changed: {names} no longer matches the checksum recorded when it was applied; " +
            "restore the original file and put the change in a new migration");
    }

    private async Task ApplyAsync(
        NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        _logger.ApplyingMigration(script.FileName);
        var stopwatch = Stopwatch.StartNew();
        var timeoutSeconds = (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                script.Sql, transaction: transaction, commandTimeout: timeoutSeconds,
                cancellationToken: cancellationToken));

            await connection.ExecuteAsync(new CommandDefinition(
                InsertHistorySql,
                new
                {
                    version = script.Version,
                    description = script.Description,
                    fileName = script.FileName,
                    checksum = script.Checksum,
                    executionMs = stopwatch.ElapsedMilliseconds,
                },
                transaction,
                cancellationToken: cancellationToken));

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException exception)
        {
            _logger.MigrationFailed(exception, script.FileName);
            throw new MigrationException(
                $"migration {script.FileName} failed: {exception.SqlState} {exception.MessageText}", exception);
        }

        _logger.MigrationApplied(script.FileName, stopwatch.ElapsedMilliseconds);
    }
}
