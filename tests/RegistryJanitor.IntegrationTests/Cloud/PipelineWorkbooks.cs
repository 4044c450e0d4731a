using System.Globalization;
using Azure.Core;
using Dapper;
using Microsoft.Extensions.Configuration;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.IntegrationTests.Ranking;
using RegistryJanitor.IntegrationTests.Reports;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// Both workbooks of one registry, written from a database of its own so that nothing but that registry's scans
/// reaches them: one or more scans, then layer analysis, today's costs, ranking and the <c>report</c> command for
/// this month.
/// </summary>
public sealed class PipelineWorkbooks : IAsyncDisposable
{
    public const double PricePerGbMonth = 0.25;

    /// <summary>Images pushed longer ago than this with no pull known are stale dead weight.</summary>
    public static readonly TimeSpan StaleAfterPush = TimeSpan.FromDays(30);

    private readonly TestDatabase database;
    private readonly TemporaryDirectory output = new();
    private readonly Dictionary<string, string?> settings = Settings();
    private readonly RankingPipelineHost host;
    private readonly RegistryOptions registry;

    private PipelineWorkbooks(TestDatabase database, RegistryOptions registry, TokenCredential? azureCredential)
    {
        this.database = database;
        this.registry = registry;
        host = new RankingPipelineHost(database.DataSource, settings, azureCredential);
    }

    /// <summary>The day costs were computed for; the workbooks are those of its month.</summary>
    public DateOnly Day { get; private set; }

    public string CostsPath => Path.Combine(output.Path, $"registry-costs-{Day:yyyy-MM}.xlsx");

    public string OptimizationPath => Path.Combine(output.Path, $"registry-optimization-{Day:yyyy-MM}.xlsx");

    /// <summary>
    /// A fresh migrated database for the runs of <paramref name="registry"/>, scanned with
    /// <paramref name="azureCredential"/> as the Entra ID credential when one is given.
    /// </summary>
    public static async Task<PipelineWorkbooks> CreateAsync(
        RegistryOptions registry, TokenCredential? azureCredential, CancellationToken cancellationToken)
    {
        var database = await TestDatabase.CreateAsync(
            applyMigrations: true, cancellationToken, label: "workbooks_" + registry.Provider);
        return new PipelineWorkbooks(database, registry, azureCredential);
    }

    /// <summary>Scans the registry; a scan that records any error throws.</summary>
    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        var scan = await host.ScanAsync(registry, cancellationToken);
        if (scan.Errors > 0)
        {
            throw new InvalidOperationException($"scan of {registry.Provider} recorded {scan.Errors} errors");
        }
    }

    /// <summary>Analyses the scanned layers, computes today's costs, ranks, and writes both workbooks.</summary>
    public async Task WriteWorkbooksAsync(CancellationToken cancellationToken)
    {
        await host.AnalyseAsync(registry, cancellationToken);

        var now = TimeProvider.System.GetUtcNow();
        Day = DateOnly.FromDateTime(now.UtcDateTime);
        await using (var connection = await database.DataSource.OpenConnectionAsync(cancellationToken))
        {
            var registryId = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT id FROM registries WHERE name = @name", new { name = registry.Name },
                cancellationToken: cancellationToken));
            var pricing = new ConfigurationBuilder().AddInMemoryCollection(settings).Build()
                .GetSection(PricingOptions.SectionName).Get<PricingOptions>()!;
            await new DailyCostComputation(database.DataSource).ComputeAsync(
                new DailyCostRequest(registryId, registry.Name, Day, pricing, now), cancellationToken);
        }

        await host.Ranking.RunAsync(registry.Name, allTags: true, month: null, cancellationToken);

        var exitCode = await ReportCommandRunner.RunAsync(
            database.DataSource, settings, Day, output.Path, cancellationToken);
        if (exitCode != ExitCodes.Success)
        {
            throw new InvalidOperationException($"report exited with {exitCode}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        output.Dispose();
        await database.DisposeAsync();
    }

    private static Dictionary<string, string?> Settings() => PipelineSettings.Create(
        PricePerGbMonth,
        new Dictionary<string, string?>
        {
            ["Pricing:Allocation:LabelKey"] = "team",
            ["Reports:OutputDirectory"] = "unused-by-this-test",
            ["Reports:StaleAfterPush"] = StaleAfterPush.ToString("c", CultureInfo.InvariantCulture),

            // Expiring every tag but the v* ones deletes the same tags whatever push time each scan stored.
            ["Retention:Policies:0:Name"] = "keep-v-tags",
            ["Retention:Policies:0:KeepTagPatterns:0"] = "v*",
            ["Retention:Policies:0:ExpireTagsOlderThan"] = "00:00:00",
        });
}
