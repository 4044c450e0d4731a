using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RegistryJanitor.Analysis;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Ranking;
using RegistryJanitor.Scanning;

namespace RegistryJanitor.IntegrationTests.Ranking;

/// <summary>Scan, layer analysis and ranking over one test database, wired as the service wires them.</summary>
public sealed class RankingPipelineHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    /// <param name="dataSource">The test database.</param>
    /// <param name="settings">Configuration of the scanner, analysis and ranking.</param>
    /// <param name="azureCredential">
    /// The Entra ID credential ACR scans use for Azure Resource Manager; without one the product's default
    /// credential is wired, which no test environment can satisfy.
    /// </param>
    public RankingPipelineHost(
        NpgsqlDataSource dataSource, IDictionary<string, string?> settings, TokenCredential? azureCredential = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(dataSource);
        if (azureCredential is not null)
        {
            // Registered first: the cloud providers add their default credential only when none is.
            services.AddSingleton(azureCredential);
        }

        services.AddScanner(configuration);
        services.AddLayerAnalysisRuns(configuration);
        services.AddRanking(configuration);
        provider = services.BuildServiceProvider();
    }

    public RankingService Ranking => provider.GetRequiredService<RankingService>();

    /// <summary>Scans <paramref name="registry"/> and analyses every layer of it.</summary>
    public async Task ScanAndAnalyseAsync(RegistryOptions registry, CancellationToken cancellationToken)
    {
        await ScanAsync(registry, cancellationToken);
        await AnalyseAsync(registry, cancellationToken);
    }

    /// <summary>Scans <paramref name="registry"/>; a scan that does not succeed throws.</summary>
    public async Task<ScanSummary> ScanAsync(RegistryOptions registry, CancellationToken cancellationToken)
    {
        var scan = await provider.GetRequiredService<RegistryScanner>().ScanAsync(registry, null, cancellationToken);
        if (scan.Status != ScanStatus.Succeeded)
        {
            throw new InvalidOperationException($"scan {scan.Status}: {scan.Error}");
        }

        return scan;
    }

    /// <summary>Analyses every layer of the scanned <paramref name="registry"/>.</summary>
    public async Task AnalyseAsync(RegistryOptions registry, CancellationToken cancellationToken)
    {
        var analysis = await provider.GetRequiredService<LayerAnalysisRunner>()
            .RunAsync(registry, 1L << 30, null, cancellationToken);
        if (analysis.Status != AnalysisSummary.Succeeded)
        {
            throw new InvalidOperationException($"analysis {analysis.Status}: {analysis.Error}");
        }
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
