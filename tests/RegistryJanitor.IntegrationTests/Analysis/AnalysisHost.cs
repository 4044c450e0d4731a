using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RegistryJanitor.Analysis;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Scanner;
using RegistryJanitor.Registries.Oci;
using RegistryJanitor.Scanning;

namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>Scanner and layer analysis as the service wires them, with a request log on the registry client.</summary>
public sealed class AnalysisHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public AnalysisHost(
        NpgsqlDataSource dataSource, Func<DelegatingHandler>? extraHandler = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["RegistryClient:BaseDelay"] = "00:00:00.020",
            ["RegistryClient:MaxRetries"] = "2",
            ["Analysis:ProgressInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(dataSource);
        services.AddScanner(configuration);
        services.AddLayerAnalysisRuns(configuration);
        services.AddHttpClient(OciRegistryClient.HttpClientName)
            .AddHttpMessageHandler(() => new RequestLogHandler(Requests));
        if (extraHandler is not null)
        {
            services.AddHttpClient(OciRegistryClient.HttpClientName).AddHttpMessageHandler(extraHandler);
        }

        provider = services.BuildServiceProvider();
    }

    public RequestLog Requests { get; } = new();

    /// <summary>Scans <paramref name="registry"/>, then analyses it with <paramref name="budgetBytes"/>.</summary>
    public async Task<AnalysisSummary> ScanAndAnalyseAsync(
        RegistryOptions registry, CancellationToken cancellationToken, long budgetBytes = 20L << 30)
    {
        var scan = await provider.GetRequiredService<RegistryScanner>().ScanAsync(registry, null, cancellationToken);
        if (scan.Status != ScanStatus.Succeeded)
        {
            throw new InvalidOperationException($"scan {scan.Status}: {scan.Error}");
        }

        return await provider.GetRequiredService<LayerAnalysisRunner>()
            .RunAsync(registry, budgetBytes, null, cancellationToken);
    }

    /// <summary>GETs of the blob <paramref name="digest"/>.</summary>
    public int BlobGets(string digest) =>
        Requests.Requests.Count(r =>
            r.Method == "GET" && r.Path.EndsWith("/blobs/" + digest, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
