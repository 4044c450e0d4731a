using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using RegistryJanitor.Ranking;
using RegistryJanitor.Scanning;

namespace RegistryJanitor.IntegrationTests.Ranking;

/// <summary>The scanner and the ranking stage over one test database, with test prices and thresholds.</summary>
public sealed class RankingHost : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    public RankingHost(NpgsqlDataSource dataSource, IDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(dataSource);
        services.AddScanner(configuration);
        services.AddRanking(configuration);
        provider = services.BuildServiceProvider();
    }

    public RegistryScanner Scanner => provider.GetRequiredService<RegistryScanner>();

    public RankingService Ranking => provider.GetRequiredService<RankingService>();

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
