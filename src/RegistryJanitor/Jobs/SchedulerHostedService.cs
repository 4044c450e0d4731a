using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using RegistryJanitor.Logging;
using RegistryJanitor.Options;
using RegistryJanitor.Storage.Migrations;

namespace RegistryJanitor.Jobs;

/// <summary>
/// Brings the schema up to date, then starts the clustered scheduler; on shutdown stops taking work, gives running
/// jobs <c>Service:ShutdownGracePeriod</c>, then asks what is left to cancel.
/// </summary>
/// <remarks>
/// Start-up runs in the background so the HTTP endpoint is up at once: while PostgreSQL cannot be reached the
/// service retries every <c>Service:StartupRetryInterval</c> and <c>/health/ready</c> answers 503. A migration that
/// is refused (an applied file changed) or fails, or a scheduler that cannot be built once the database is current,
/// is not retried: the service stops with exit code 1.
/// </remarks>
internal sealed class SchedulerHostedService : BackgroundService
{
    private static readonly TimeSpan RunningJobsPollInterval = TimeSpan.FromMilliseconds(200);

    private readonly ISchedulerFactory _schedulerFactory;
    private readonly MigrationRunner _migrations;
    private readonly MigrationOptions _migrationOptions;
    private readonly ServiceOptions _serviceOptions;
    private readonly SchedulerState _state;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SchedulerHostedService> _logger;
    private IScheduler? _scheduler;

    public SchedulerHostedService(
        ISchedulerFactory schedulerFactory,
        MigrationRunner migrations,
        IOptions<MigrationOptions> migrationOptions,
        IOptions<ServiceOptions> serviceOptions,
        SchedulerState state,
        IHostApplicationLifetime lifetime,
        TimeProvider timeProvider,
        ILogger<SchedulerHostedService> logger)
    {
        _schedulerFactory = schedulerFactory;
        _migrations = migrations;
        _migrationOptions = migrationOptions.Value;
        _serviceOptions = serviceOptions.Value;
        _state = state;
        _lifetime = lifetime;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_scheduler is null)
        {
            return;
        }

        if (_state.IsStarted)
        {
            await _scheduler.Standby(cancellationToken);
            await WaitForRunningJobsAsync(cancellationToken);
        }

        // Interrupts the jobs still running (ShutdownJobInterruption.WhenWaitingForJobs) and waits for them to
        // unwind until the host's shutdown timeout, which is the grace period plus a margin.
        await _scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        _logger.SchedulerStopped();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!await TryBringSchemaUpToDateAsync(stoppingToken))
            {
                await Task.Delay(_serviceOptions.StartupRetryInterval, _timeProvider, stoppingToken);
            }

            _scheduler = await _schedulerFactory.GetScheduler(stoppingToken);
            await _scheduler.Start(stoppingToken);
            _state.MarkStarted();
            _logger.SchedulerStarted(_scheduler.SchedulerName, _scheduler.SchedulerInstanceId);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before the scheduler came up: nothing to undo.
        }
        catch (Exception exception)
        {
            // A refused migration, or a scheduler that cannot be built on a reachable, current database, will not
            // heal by waiting: stop with exit code 1 and let the orchestrator report the restart loop.
            _logger.StartupFailed(exception);
            _state.MarkFailed(exception);
            _lifetime.StopApplication();
        }
    }

    private async Task<bool> TryBringSchemaUpToDateAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (_migrationOptions.ApplyOnStart)
            {
                await _migrations.MigrateAsync(cancellationToken);
                return true;
            }

            var status = await _migrations.GetStatusAsync(cancellationToken);
            if (!status.IsCurrent)
            {
                var changed = status.Changed.Count == 0
                    ? "none"
                    : string.Join(", ", status.Changed.Select(script => script.FileName));
                _logger.SchemaNotCurrentAtStart(status.Pending.Count, changed, _serviceOptions.StartupRetryInterval);
            }

            return status.IsCurrent;
        }
        catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
        {
            _logger.DatabaseUnavailableAtStart(exception.Message, _serviceOptions.StartupRetryInterval);
            return false;
        }
    }

    private async Task WaitForRunningJobsAsync(CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        _logger.SchedulerStopping(_serviceOptions.ShutdownGracePeriod, _state.RunningJobs);
        while (_state.RunningJobs > 0)
        {
            if (_timeProvider.GetElapsedTime(started) >= _serviceOptions.ShutdownGracePeriod)
            {
                _logger.GracePeriodExceeded(_state.RunningJobs);
                return;
            }

            await Task.Delay(RunningJobsPollInterval, _timeProvider, cancellationToken);
        }
    }
}
