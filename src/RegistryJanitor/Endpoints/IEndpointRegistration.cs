namespace RegistryJanitor.Endpoints;

/// <summary>
/// Maps HTTP endpoints of one feature onto the <c>run</c> service. Register an implementation with
/// <see cref="EndpointServiceCollectionExtensions.AddEndpoints{TRegistration}"/>; <c>run</c> maps every one.
/// </summary>
/// <example>
/// <code>
/// internal sealed class RegistryEventsEndpoint : IEndpointRegistration
/// {
///     public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
///         endpoints.MapPost("/events/registry", HandleAsync);
/// }
/// // in the feature's AddXxx(services, configuration):
/// services.AddEndpoints&lt;RegistryEventsEndpoint&gt;();
/// </code>
/// </example>
public interface IEndpointRegistration
{
    /// <summary>Adds this feature's routes.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints);
}
