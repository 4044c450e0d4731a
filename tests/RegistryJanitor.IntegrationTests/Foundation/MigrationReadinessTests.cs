using System.Net;
using System.Security.Cryptography;
using Dapper;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Network;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

/// <summary>
/// <c>/health/ready</c> of a service started with <c>Migrations:ApplyOnStart=false</c>, as in a deployment where
/// <c>migrate</c> runs as its own step: not ready while the schema is not the one its migration files describe.
/// </summary>
public sealed class MigrationReadinessTests
{
    private const string UpdateChecksumSql = """
        UPDATE schema_history
        SET checksum = @checksum
        WHERE version = @version
        """;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Ready_MigrationPendingThenApplied_Answers503NamingTheFileThen200()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        var files = ShippedMigrations();
        var newest = files[^1];
        using var olderBuild = new TemporaryDirectory();
        CopyMigrations(files[..^1], olderBuild.Path);
        await database.CreateMigrationRunner(olderBuild.Path).MigrateAsync(cancellationToken);
        using var endpoint = new ServiceEndpoint(FreePort.Next());
        await using var service = StartService(database, endpoint, migrationsPath: null);
        await WaitUntilLiveAsync(endpoint, cancellationToken);

        var whilePending = await endpoint.GetResponseAsync("/health/ready", cancellationToken);
        var migrate = await ProductProcess.RunAsync(
            ["migrate"],
            new Dictionary<string, string?> { ["ConnectionStrings__Postgres"] = database.ConnectionString },
            cancellationToken);
        await Eventually.HoldsAsync(
            async () => await endpoint.GetStatusAsync("/health/ready", cancellationToken) == HttpStatusCode.OK,
            "/health/ready answers 200 once migrate applied the pending file", Limit, cancellationToken);
        await service.TerminateAsync(cancellationToken);
        var exitCode = await service.WaitForExitAsync(cancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whilePending.Status);
        Assert.Contains(
            "postgres: Unhealthy migrations pending: " + Path.GetFileName(newest) + "\n",
            whilePending.Body, StringComparison.Ordinal);
        Assert.Contains("(1 migrations pending, changed since applied: none)",
            service.StandardOutput + service.StandardError, StringComparison.Ordinal);
        Assert.True(migrate.ExitCode == 0, migrate.StandardError);
        Assert.StartsWith("applied 1 migrations (" + Path.GetFileName(newest) + ")",
            migrate.StandardOutput, StringComparison.Ordinal);
        Assert.True(exitCode == 0, $"exit code {exitCode} after SIGTERM; stderr: {service.StandardError}");
    }

    [Fact]
    public async Task Ready_AppliedMigrationChangedThenRecorded_Answers503NamingTheFileThen200()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: true, cancellationToken);
        var files = ShippedMigrations();
        using var editedBuild = new TemporaryDirectory();
        CopyMigrations(files, editedBuild.Path);
        var edited = Path.Combine(editedBuild.Path, Path.GetFileName(files[^1]));
        File.AppendAllText(edited, "\n-- edited after it was applied\n");
        var editedBytes = File.ReadAllBytes(edited);
        using var endpoint = new ServiceEndpoint(FreePort.Next());
        await using var service = StartService(database, endpoint, editedBuild.Path);
        await WaitUntilLiveAsync(endpoint, cancellationToken);

        var whileChanged = await endpoint.GetResponseAsync("/health/ready", cancellationToken);

        // What a deliberate repair does: record the edited file as the applied one. Its checksum is the plain
        // sha256 of the bytes because the file has neither CRLF line endings nor a byte order mark to normalise.
        Assert.DoesNotContain((byte)'\r', editedBytes);
        Assert.NotEqual(0xEF, editedBytes[0]);
        await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
        {
            var checksum = Convert.ToHexStringLower(SHA256.HashData(editedBytes));
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                UpdateChecksumSql, new { checksum, version = VersionOf(edited) },
                cancellationToken: cancellationToken));
            Assert.Equal(1, updated);
        }

        await Eventually.HoldsAsync(
            async () => await endpoint.GetStatusAsync("/health/ready", cancellationToken) == HttpStatusCode.OK,
            "/health/ready answers 200 once the recorded checksum matches the file", Limit, cancellationToken);
        await service.TerminateAsync(cancellationToken);
        var exitCode = await service.WaitForExitAsync(cancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileChanged.Status);
        Assert.Contains(
            "postgres: Unhealthy applied migrations changed: " + Path.GetFileName(edited) + "\n",
            whileChanged.Body, StringComparison.Ordinal);
        Assert.Contains(
            "0 migrations pending, changed since applied: " + Path.GetFileName(edited) + ")",
            service.StandardOutput + service.StandardError, StringComparison.Ordinal);
        Assert.True(exitCode == 0, $"exit code {exitCode} after SIGTERM; stderr: {service.StandardError}");
    }

    private static string[] ShippedMigrations() =>
        Directory.GetFiles(RepositoryPaths.MigrationsDirectory, "V*__*.sql")
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static void CopyMigrations(IEnumerable<string> files, string folder)
    {
        foreach (var file in files)
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    private static int VersionOf(string file) =>
        int.Parse(Path.GetFileName(file)[1..].Split("__")[0], System.Globalization.CultureInfo.InvariantCulture);

    private static ProductProcess StartService(TestDatabase database, ServiceEndpoint endpoint, string? migrationsPath)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Service__Urls"] = endpoint.Url,
            ["Service__StartupRetryInterval"] = "00:00:00.500",
            ["Service__ShutdownGracePeriod"] = "00:00:05",
            ["Migrations__ApplyOnStart"] = "false",
        };
        if (migrationsPath is not null)
        {
            environment["Migrations__Path"] = migrationsPath;
        }

        return ProductProcess.Start(["run"], environment);
    }

    private static Task WaitUntilLiveAsync(ServiceEndpoint endpoint, CancellationToken cancellationToken) =>
        Eventually.HoldsAsync(
            async () => await endpoint.GetStatusAsync("/health/live", cancellationToken) == HttpStatusCode.OK,
            "the service answers /health/live", Limit, cancellationToken);
}
