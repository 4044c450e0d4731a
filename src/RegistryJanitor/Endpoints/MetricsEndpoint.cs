using RegistryJanitor.Metrics;

namespace RegistryJanitor.Endpoints;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format. Instruments created through
/// <see cref="System.Diagnostics.Metrics.Meter"/> (e.g. from <c>IMeterFactory</c>) appear here without further
/// registration.
/// </summary>
internal sealed class MetricsEndpoint : IEndpointRegistration
{
    public const string Path = "/metrics";

    private readonly MetricsCollector _collector;

    public MetricsEndpoint(MetricsCollector collector)
    {
        _collector = collector;
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, () => Results.Text(_collector.Render(), PrometheusText.ContentType));
}
