using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Storage.Migrations;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

public sealed class MigrationRunnerTests
{
    private const string CountHistorySql = """
        SELECT count(*) FROM schema_history
        """;

    private const string TableExistsSql = """
        SELECT to_regclass(@name) IS NOT NULL
        """;

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryFileOnceAndRerunAppliesNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        var files = Directory.GetFiles(RepositoryPaths.MigrationsDirectory, "V*__*.sql").Length;

        var first = await database.CreateMigrationRunner().MigrateAsync(cancellationToken);
        var second = await database.CreateMigrationRunner().MigrateAsync(cancellationToken);
        var status = await database.CreateMigrationRunner().GetStatusAsync(cancellationToken);

        Assert.Equal(files, first.Applied.Count);
        Assert.Equal(0, first.AlreadyApplied);
        Assert.Empty(second.Applied);
        Assert.Equal(files, second.AlreadyApplied);
        Assert.True(status.IsCurrent);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        Assert.Equal(files, await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountHistorySql, cancellationToken: cancellationToken)));
        Assert.True(await TableExistsAsync(connection, "qrtz_fired_triggers", cancellationToken));
    }

    [Fact]
    public async Task MigrateAsync_AppliedFileChanged_RefusesNamingTheFileAndAppliesNothingMore()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        using var folder = new TemporaryDirectory();
        folder.WriteFile("V001__first_table.sql", "CREATE TABLE first_table (id INTEGER);");
        await database.CreateMigrationRunner(folder.Path).MigrateAsync(cancellationToken);
        folder.WriteFile("V001__first_table.sql", "CREATE TABLE first_table (id BIGINT);");
        folder.WriteFile("V002__second_table.sql", "CREATE TABLE second_table (id INTEGER);");
        var runner = database.CreateMigrationRunner(folder.Path);

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.MigrateAsync(cancellationToken));
        var status = await runner.GetStatusAsync(cancellationToken);

        Assert.Contains("V001__first_table.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed", error.Message, StringComparison.Ordinal);
        Assert.False(status.IsCurrent);
        Assert.Equal("V001__first_table.sql", Assert.Single(status.Changed).FileName);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        Assert.False(await TableExistsAsync(connection, "second_table", cancellationToken));
    }

    [Fact]
    public async Task MigrateAsync_LineEndingsChangedOnly_IsNotAChange()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        using var folder = new TemporaryDirectory();
        folder.WriteFile("V001__first_table.sql", "CREATE TABLE first_table (\n    id INTEGER\n);\n");
        await database.CreateMigrationRunner(folder.Path).MigrateAsync(cancellationToken);
        folder.WriteFile("V001__first_table.sql", "CREATE TABLE first_table (\r\n    id INTEGER\r\n);\r\n");

        var status = await database.CreateMigrationRunner(folder.Path).GetStatusAsync(cancellationToken);

        Assert.True(status.IsCurrent);
    }

    [Fact]
    public async Task MigrateAsync_ScriptFails_RollsItBackAndKeepsEarlierOnes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        using var folder = new TemporaryDirectory();
        folder.WriteFile("V001__first_table.sql", "CREATE TABLE first_table (id INTEGER);");
        folder.WriteFile("V002__broken.sql", "CREATE TABLE second_table (id INTEGER);\nSELECT 1 / 0;");
        var runner = database.CreateMigrationRunner(folder.Path);

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.MigrateAsync(cancellationToken));

        Assert.Contains("V002__broken.sql", error.Message, StringComparison.Ordinal);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        Assert.True(await TableExistsAsync(connection, "first_table", cancellationToken));
        Assert.False(await TableExistsAsync(connection, "second_table", cancellationToken));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountHistorySql, cancellationToken: cancellationToken)));
    }

    [Fact]
    public async Task MigrateAsync_MisnamedFile_IsRefusedRatherThanIgnored()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        using var folder = new TemporaryDirectory();
        folder.WriteFile("V001__first_table.sql", "CREATE TABLE first_table (id INTEGER);");
        folder.WriteFile("V2_second_table.sql", "CREATE TABLE second_table (id INTEGER);");
        var runner = database.CreateMigrationRunner(folder.Path);

        var error = await Assert.ThrowsAsync<MigrationException>(() => runner.MigrateAsync(cancellationToken));

        Assert.Contains("V2_second_table.sql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_TwoRunnersAtOnce_ApplyEachFileOnce()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        using var folder = new TemporaryDirectory();

        // Without the lock the slow first script lets both runners reach CREATE TABLE, and one of them fails.
        folder.WriteFile("V001__slow_table.sql", "SELECT pg_sleep(0.5);\nCREATE TABLE slow_table (id INTEGER);");
        folder.WriteFile("V002__second_table.sql", "CREATE TABLE second_table (id INTEGER);");
        await using var otherDatabaseHandle = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        var first = database.CreateMigrationRunner(folder.Path);
        var second = new MigrationRunner(
            otherDatabaseHandle,
            Microsoft.Extensions.Options.Options.Create(new MigrationOptions { Path = folder.Path }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);

        var results = await Task.WhenAll(first.MigrateAsync(cancellationToken), second.MigrateAsync(cancellationToken));

        Assert.Equal(2, results.Sum(result => result.Applied.Count));
        Assert.Contains(results, result => result.Applied.Count == 0 && result.AlreadyApplied == 2);
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(CountHistorySql, cancellationToken: cancellationToken)));
    }

    private static Task<bool> TableExistsAsync(
        Npgsql.NpgsqlConnection connection, string name, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<bool>(
            new CommandDefinition(TableExistsSql, new { name }, cancellationToken: cancellationToken));
}
