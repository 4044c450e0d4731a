using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RegistryJanitor.Endpoints;
using RegistryJanitor.Storage.Costs;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Events;

/// <summary>Registers the registry events receiver; map it with <c>MapRegistryEvents</c>.</summary>
public static class RegistryEventsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RegistryEventsOptions"/> (validated at start), the pull count and change stores, the secret reader and
    /// the endpoint registration the <c>run</c> service maps.
    /// Needs an <c>NpgsqlDataSource</c> registered (the storage registration does that).
    /// </summary>
    public static IServiceCollection AddRegistryEvents(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<RegistryEventsOptions>()
            .Bind(configuration.GetSection(RegistryEventsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<RegistryEventsOptions>, RegistryEventsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PullCountStore>();
        services.TryAddSingleton<RepositoryChangeStore>();
        services.TryAddSingleton<AuthorizationSecret>();
        services.AddEndpoints<RegistryEventsEndpointRegistration>();
        return services;
    }
}
