using Microsoft.Extensions.Diagnostics.HealthChecks;
using RegistryJanitor.Jobs;

namespace RegistryJanitor.Health;

/// <summary>
/// Ready once this replica's scheduler has started, so a replica that cannot run jobs takes no traffic.
/// </summary>
internal sealed class SchedulerReadinessCheck : IHealthCheck
{
    private readonly SchedulerState _state;

    public SchedulerReadinessCheck(SchedulerState state)
    {
        _state = state;
    }

    public Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_state switch
        {
            { FatalError: { } error } => HealthCheckResult.Unhealthy("scheduler failed to start: " + error.Message),
            { IsStarted: true } => HealthCheckResult.Healthy("scheduler running"),
            _ => HealthCheckResult.Unhealthy("scheduler not started yet"),
        });
}
