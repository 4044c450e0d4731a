using Npgsql;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Support.Database;

/// <summary>
/// Gives a test class its own fresh PostgreSQL database with every migration of the repository applied by the
/// product's runner; the database is dropped when the class's tests are done.
/// </summary>
/// <remarks>
/// The server comes from <c>REGISTRYJANITOR_TEST_POSTGRES</c>, else Testcontainers, else the tests fail with
/// instructions (see <see cref="PostgresServer"/>). Tests in one class share the database, so each test owns
/// its rows (unique names or keys) or cleans up what it wrote; xunit runs the tests of one class one at a time.
/// </remarks>
/// <example>
/// <code>
/// public sealed class TagStoreTests(PostgresDatabaseFixture database) : IClassFixture&lt;PostgresDatabaseFixture&gt;
/// {
///     [Fact]
///     public async Task Save_NewTag_IsReadBack()
///     {
///         var cancellationToken = TestContext.Current.CancellationToken;
///         await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
///         // ... or pass database.ConnectionString to the code under test.
///     }
/// }
/// </code>
/// </example>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    /// <summary>The migrated database; available once xunit has initialised the fixture.</summary>
    public TestDatabase Database =>
        _database ?? throw new InvalidOperationException("The fixture is used before xunit initialised it.");

    /// <summary>Npgsql connection string to the migrated database.</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <summary>A data source for the migrated database.</summary>
    public NpgsqlDataSource DataSource => Database.DataSource;

    public async ValueTask InitializeAsync() =>
        _database = await TestDatabase.CreateAsync(
            applyMigrations: true, TestContext.Current.CancellationToken, label: "class");

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
