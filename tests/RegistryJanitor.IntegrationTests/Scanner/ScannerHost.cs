using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Registries.Oci;
using RegistryJanitor.Scanning;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>
/// The scanner as the service wires it (<c>AddScanner</c>), over a test database, with short retry delays and a
/// request log on the registry client.
/// </summary>
public sealed class ScannerHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public ScannerHost(
        NpgsqlDataSource dataSource,
        IDictionary<string, string?>? settings = null,
        Func<DelegatingHandler>? extraHandler = null,
        TimeProvider? timeProvider = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["RegistryClient:BaseDelay"] = "00:00:00.020",
            ["RegistryClient:MaxDelay"] = "00:00:03",
            ["RegistryClient:MaxRetries"] = "5",
            ["RegistryClient:AttemptTimeout"] = "00:00:05",
            ["Scanner:ProgressInterval"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(dataSource);
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddScanner(configuration);
        services.AddSingleton(Requests);
        services.AddHttpClient(OciRegistryClient.HttpClientName)
            .AddHttpMessageHandler(() => new RequestLogHandler(Requests));
        if (extraHandler is not null)
        {
            services.AddHttpClient(OciRegistryClient.HttpClientName).AddHttpMessageHandler(extraHandler);
        }

        provider = services.BuildServiceProvider();
    }

    public RequestLog Requests { get; } = new();

    public RegistryScanner Scanner => provider.GetRequiredService<RegistryScanner>();

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    /// <summary>A registry configuration for the tests: a name of its own, the URL, an include pattern.</summary>
    public static RegistryOptions Registry(string name, Uri url, params string[] include)
    {
        var options = new RegistryOptions { Name = name, Url = url, MaxConcurrency = 8 };
        foreach (var pattern in include)
        {
            options.Include.Add(pattern);
        }

        return options;
    }

    public Task<ScanSummary> ScanAsync(RegistryOptions registry, CancellationToken cancellationToken) =>
        Scanner.ScanAsync(registry, null, cancellationToken);

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
