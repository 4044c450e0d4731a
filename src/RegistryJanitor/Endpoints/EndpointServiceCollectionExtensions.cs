using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RegistryJanitor.Endpoints;

/// <summary>Registers HTTP endpoints for the <c>run</c> service.</summary>
public static class EndpointServiceCollectionExtensions
{
    /// <summary>Adds <typeparamref name="TRegistration"/>; the <c>run</c> command maps its routes at start.</summary>
    public static IServiceCollection AddEndpoints<TRegistration>(this IServiceCollection services)
        where TRegistration : class, IEndpointRegistration
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEndpointRegistration, TRegistration>());
        return services;
    }
}
