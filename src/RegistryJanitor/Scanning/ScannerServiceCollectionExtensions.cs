using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RegistryJanitor.Registries;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>Registers the scanner: registry clients, inventory storage, the scan command and job.</summary>
public static class ScannerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RegistryScanner"/>, <see cref="ScanCommand"/>, <see cref="ScanJob"/>, the registry clients
    /// (<see cref="RegistriesServiceCollectionExtensions.AddRegistryClients"/>) and the inventory readers and
    /// writers. Needs an <c>NpgsqlDataSource</c> (from <c>AddStorage</c>). Options: section <c>Scanner</c>.
    /// </summary>
    public static IServiceCollection AddScanner(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScannerOptions>()
            .Bind(configuration.GetSection(ScannerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRegistryClients(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new ScanRegistries(configuration));
        services.TryAddSingleton<InventoryReader>();
        services.TryAddSingleton<InventoryWriter>();
        services.TryAddSingleton<ScanRunStore>();
        services.TryAddSingleton<RegistryScanner>();
        services.TryAddTransient<ScanCommand>();
        services.TryAddTransient<ScanJob>();
        return services;
    }
}
