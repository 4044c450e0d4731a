using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RegistryJanitor.Health;

namespace RegistryJanitor.Endpoints;

/// <summary>
/// <c>/health/live</c> answers 200 while the process serves HTTP; <c>/health/ready</c> answers 200 when every check
/// tagged <see cref="HealthTags.Ready"/> is healthy and 503 otherwise, with the failing reason as plain text.
/// </summary>
internal sealed class HealthEndpoints : IEndpointRegistration
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Ready),
            ResponseWriter = WriteReasonAsync,
        });
    }

    private static Task WriteReasonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        var lines = report.Entries.Select(entry => $"{entry.Key}: {entry.Value.Status} {entry.Value.Description}");
        return context.Response.WriteAsync(
            report.Status + "\n" + string.Join("\n", lines) + "\n", context.RequestAborted);
    }
}
