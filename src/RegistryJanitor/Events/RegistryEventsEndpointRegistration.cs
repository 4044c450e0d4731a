using RegistryJanitor.Endpoints;

namespace RegistryJanitor.Events;

/// <summary>Lets the <c>run</c> service map the registry events receiver with the other endpoints.</summary>
internal sealed class RegistryEventsEndpointRegistration : IEndpointRegistration
{
    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapRegistryEvents();
}
