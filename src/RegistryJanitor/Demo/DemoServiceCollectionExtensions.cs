using Microsoft.Extensions.DependencyInjection.Extensions;
using RegistryJanitor.Commands;

namespace RegistryJanitor.Demo;

/// <summary>Registers the <c>seed-demo</c> command.</summary>
public static class DemoServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SeedDemoCommand"/>. Reads the <c>Registries</c> options of the foundation.</summary>
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHttpClient(SeedDemoCommand.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2));
        services.TryAddSingleton(TimeProvider.System);
        services.AddCommand<SeedDemoCommand>();
        return services;
    }
}
