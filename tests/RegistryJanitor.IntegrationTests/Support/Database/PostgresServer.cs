using Npgsql;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Testcontainers.PostgreSql;

namespace RegistryJanitor.IntegrationTests.Support.Database;

/// <summary>
/// The PostgreSQL server of the test run: <c>REGISTRYJANITOR_TEST_POSTGRES</c> when set, else a <c>postgres</c>
/// container when a Docker engine answers, else a failure that says how to provide one. Never a silent skip.
/// </summary>
/// <remarks>
/// Resolved once per test process. Tests do not use this server's own database: they get a fresh database each
/// through <see cref="PostgresDatabaseFixture"/> or <see cref="TestDatabase.CreateAsync"/>.
/// </remarks>
public static class PostgresServer
{
    private const string ContainerImage = "postgres:15-alpine";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _connectionString;
    private static PostgreSqlContainer? _container;

    /// <summary>A connection string to the server's maintenance database, allowed to create databases.</summary>
    /// <exception cref="TestEnvironmentException">No server is configured and none could be started.</exception>
    public static async Task<string> GetConnectionStringAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            _connectionString ??= await ResolveAsync(cancellationToken);
            return _connectionString;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> ResolveAsync(CancellationToken cancellationToken)
    {
        var configured = TestEnvironmentVariables.Read(TestEnvironmentVariables.Postgres);
        if (configured is not null)
        {
            try
            {
                return new NpgsqlConnectionStringBuilder(configured).ConnectionString;
            }
            catch (ArgumentException exception)
            {
                throw new TestEnvironmentException(
                    $"{TestEnvironmentVariables.Postgres} is not an Npgsql connection string.", exception);
            }
        }

        try
        {
            // Ryuk, Testcontainers' reaper, removes the container when the test process ends.
            _container = new PostgreSqlBuilder(ContainerImage).Build();
            await _container.StartAsync(cancellationToken);
            return _container.GetConnectionString();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new TestEnvironmentException(
                $"No PostgreSQL for the integration tests: {TestEnvironmentVariables.Postgres} is not set and no " +
                $"Docker engine answered ({exception.Message}). {TestEnvironmentVariables.HowToProvide}",
                exception);
        }
    }
}
