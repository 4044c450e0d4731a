using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.IntegrationTests.Support.Database;

/// <summary>
/// A database of its own on the test PostgreSQL server, with a unique name, dropped on dispose. Use it directly
/// when a test needs several databases or an unmigrated one; use <see cref="PostgresDatabaseFixture"/> otherwise.
/// </summary>
/// <example>
/// <code>
/// await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
/// var runner = database.CreateMigrationRunner(myMigrationsFolder);
/// await runner.MigrateAsync(cancellationToken);
/// </code>
/// </example>
public sealed partial class TestDatabase : IAsyncDisposable
{
    private const string DropDatabaseSql = """
        SELECT pg_terminate_backend(pid)
        FROM pg_stat_activity
        WHERE datname = @name AND pid <> pg_backend_pid()
        """;

    private readonly string _serverConnectionString;

    private TestDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }
            .ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    /// <summary>The database name: <c>rj_</c>, an optional label, and a random suffix.</summary>
    public string Name { get; }

    /// <summary>Npgsql connection string to this database (no password on the dev and CI servers).</summary>
    public string ConnectionString { get; }

    /// <summary>A data source for this database, disposed with it.</summary>
    public NpgsqlDataSource DataSource { get; }

    /// <summary>
    /// Creates the database and, when asked, applies the repository's migrations with the product runner.
    /// </summary>
    /// <param name="applyMigrations">Apply <see cref="RepositoryPaths.MigrationsDirectory"/> before returning.</param>
    /// <param name="cancellationToken">Cancels creation.</param>
    /// <param name="label">Readable part of the name (e.g. the test class), to tell databases apart in psql.</param>
    public static async Task<TestDatabase> CreateAsync(
        bool applyMigrations, CancellationToken cancellationToken, string? label = null)
    {
        var server = await PostgresServer.GetConnectionStringAsync(cancellationToken);
        var name = BuildName(label);

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync(cancellationToken);

            // Identifiers cannot be parameters; the name is built above from [a-z0-9_] only.
            await connection.ExecuteAsync(new CommandDefinition(
                "CREATE DATABASE " + name, cancellationToken: cancellationToken));
        }

        var database = new TestDatabase(server, name);
        if (applyMigrations)
        {
            await database.CreateMigrationRunner().MigrateAsync(cancellationToken);
        }

        return database;
    }

    /// <summary>
    /// A product <see cref="MigrationRunner"/> for this database, over the given or the repository's folder.
    /// </summary>
    public MigrationRunner CreateMigrationRunner(string? migrationsPath = null) =>
        new(
            DataSource,
            Microsoft.Extensions.Options.Options.Create(
                new MigrationOptions { Path = migrationsPath ?? RepositoryPaths.MigrationsDirectory }),
            NullLogger<MigrationRunner>.Instance);

    /// <summary>Drops the database, ending any connection still open on it.</summary>
    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(new CommandDefinition(DropDatabaseSql, new { name = Name }));
        await connection.ExecuteAsync(new CommandDefinition("DROP DATABASE IF EXISTS " + Name + " WITH (FORCE)"));
    }

    private static string BuildName(string? label)
    {
        var suffix = Guid.NewGuid().ToString("N")[..16];
        var readable = label is null ? string.Empty : UnsafeCharacters().Replace(label.ToLowerInvariant(), "_");
        if (readable.Length > 40)
        {
            readable = readable[..40];
        }

        return readable.Length == 0 ? $"rj_{suffix}" : $"rj_{readable}_{suffix}";
    }

    [GeneratedRegex("[^a-z0-9_]")]
    private static partial Regex UnsafeCharacters();
}
