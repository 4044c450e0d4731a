using System.Globalization;
using System.Net;
using System.Text.Json;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.Network;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

/// <summary>
/// <see cref="ProductProcess"/> always redirects stdout and stderr, as a container runtime or a log shipper does, so
/// the product must write one JSON object per log line there.
/// </summary>
public sealed class JsonLoggingTests
{
    private const string MigrationCategory = "RegistryJanitor.Storage.Migrations.MigrationRunner";
    private const int MigrationAppliedEventId = 2002;
    private const int MigrationsCompletedEventId = 2004;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private static readonly string[] LogLevels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    [Fact]
    public async Task Migrate_StandardErrorRedirected_WritesEveryLogLineAsJson()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        var migrationFiles = MigrationFileNames();
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
        };
        var started = TimeProvider.System.GetUtcNow();

        var result = await ProductProcess.RunAsync(["migrate"], environment, cancellationToken);

        var finished = TimeProvider.System.GetUtcNow();
        Assert.True(result.ExitCode == 0, result.StandardError);
        var entries = ParseLogLines(result.ErrorLines);
        Assert.All(entries, entry => AssertLogEntry(entry, started, finished));
        var appliedFiles = entries
            .Where(entry => entry.GetProperty("EventId").GetInt32() == MigrationAppliedEventId)
            .Select(entry =>
            {
                Assert.Equal(MigrationCategory, entry.GetProperty("Category").GetString());
                Assert.Equal("Information", entry.GetProperty("LogLevel").GetString());
                return entry.GetProperty("State").GetProperty("FileName").GetString() ?? string.Empty;
            })
            .ToList();
        Assert.Equal(migrationFiles, appliedFiles);
        Assert.StartsWith("applied " + migrationFiles.Count.ToString(CultureInfo.InvariantCulture) + " migrations",
            result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_StandardOutputRedirected_WritesEveryLogLineAsJson()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        using var endpoint = new ServiceEndpoint(FreePort.Next());
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Service__Urls"] = endpoint.Url,
            ["Service__ShutdownGracePeriod"] = "00:00:05",
        };
        var started = TimeProvider.System.GetUtcNow();
        await using var service = ProductProcess.Start(["run"], environment);
        await Eventually.HoldsAsync(
            async () => await endpoint.GetStatusAsync("/health/ready", cancellationToken) == HttpStatusCode.OK,
            "the service answers /health/ready with 200", Limit, cancellationToken);

        await service.TerminateAsync(cancellationToken);
        var exitCode = await service.WaitForExitAsync(cancellationToken);

        var finished = TimeProvider.System.GetUtcNow();
        Assert.True(exitCode == 0, $"exit code {exitCode}; stderr: {service.StandardError}");
        var lines = service.StandardOutput.Split(
            '\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = ParseLogLines(lines);
        Assert.All(entries, entry => AssertLogEntry(entry, started, finished));
        var completed = Assert.Single(
            entries, entry => entry.GetProperty("EventId").GetInt32() == MigrationsCompletedEventId);
        Assert.Equal(MigrationFileNames().Count, completed.GetProperty("State").GetProperty("Applied").GetInt32());
        Assert.Equal(string.Empty, service.StandardError);
    }

    [Fact]
    public async Task Migrate_FormatterNameSimpleConfigured_WritesPlainLinesEvenWhenRedirected()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(applyMigrations: false, cancellationToken);
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Logging__Console__FormatterName"] = "simple",
        };

        var result = await ProductProcess.RunAsync(["migrate"], environment, cancellationToken);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var applied = result.ErrorLines.Where(line => line.Contains(
            $"info: {MigrationCategory}[{MigrationAppliedEventId}] Applied migration ", StringComparison.Ordinal));
        Assert.Equal(MigrationFileNames().Count, applied.Count());
        Assert.All(result.ErrorLines, line => Assert.False(line.StartsWith('{'), line));
    }

    private static List<string> MigrationFileNames() =>
        Directory.GetFiles(RepositoryPaths.MigrationsDirectory, "V*__*.sql")
            .Select(path => Path.GetFileName(path))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<JsonElement> ParseLogLines(IReadOnlyList<string> lines)
    {
        Assert.NotEmpty(lines);
        var entries = new List<JsonElement>();
        foreach (var line in lines)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                entries.Add(document.RootElement.Clone());
            }
            catch (JsonException exception)
            {
                Assert.Fail($"log line is not JSON ({exception.Message}): {line}");
            }
        }

        return entries;
    }

    private static void AssertLogEntry(JsonElement entry, DateTimeOffset started, DateTimeOffset finished)
    {
        Assert.Equal(JsonValueKind.Object, entry.ValueKind);
        Assert.Equal(JsonValueKind.Number, entry.GetProperty("EventId").ValueKind);
        Assert.Contains(entry.GetProperty("LogLevel").GetString(), LogLevels);
        Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("Category").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("Message").GetString()));
        Assert.Equal(JsonValueKind.Object, entry.GetProperty("State").ValueKind);

        // The product writes UTC timestamps with milliseconds; a second of slack covers the truncation.
        var timestamp = DateTimeOffset.ParseExact(
            entry.GetProperty("Timestamp").GetString()!, "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal);
        Assert.InRange(timestamp, started.AddSeconds(-1), finished.AddSeconds(1));
    }
}
