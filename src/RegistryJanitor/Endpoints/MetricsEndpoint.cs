using Prometheus;

namespace RegistryJanitor.Endpoints;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format. Instruments created through
/// <see cref="System.Diagnostics.Metrics.Meter"/> (e.g. from <c>IMeterFactory</c>) appear here without
/// further registration: prometheus-net's meter adapter publishes every meter of the process.
/// </summary>
internal sealed class MetricsEndpoint : IEndpointRegistration
{
    public const string Path = "/metrics";

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapMetrics(Path);
}
