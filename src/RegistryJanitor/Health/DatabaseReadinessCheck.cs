using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using RegistryJanitor.Logging;
using RegistryJanitor.Options;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.Health;

/// <summary>Ready when PostgreSQL answers and every migration of this build is applied unchanged.</summary>
internal sealed class DatabaseReadinessCheck : IHealthCheck
{
    private readonly MigrationRunner _migrations;
    private readonly ServiceOptions _options;
    private readonly ILogger<DatabaseReadinessCheck> _logger;

    public DatabaseReadinessCheck(
        MigrationRunner migrations, IOptions<ServiceOptions> options, ILogger<DatabaseReadinessCheck> logger)
    {
        _migrations = migrations;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.HealthCheckTimeout);
        try
        {
            var status = await _migrations.GetStatusAsync(timeout.Token);
            if (status.IsCurrent)
            {
                return HealthCheckResult.Healthy("PostgreSQL answers and the schema is current");
            }

            var reason = status.Changed.Count > 0
                ? "applied migrations changed: " + string.Join(", ", status.Changed.Select(script => script.FileName))
                : "migrations pending: " + string.Join(", ", status.Pending.Select(script => script.FileName));
            return NotReady(reason);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return NotReady($"PostgreSQL did not answer within {_options.HealthCheckTimeout}");
        }
        catch (NpgsqlException exception)
        {
            // The message of a connection failure names host and port at most; never the connection string.
            return NotReady("PostgreSQL unreachable: " + exception.Message);
        }
        catch (MigrationException exception)
        {
            return NotReady(exception.Message);
        }
    }

    private HealthCheckResult NotReady(string reason)
    {
        _logger.NotReady(reason);
        return HealthCheckResult.Unhealthy(reason);
    }
}
