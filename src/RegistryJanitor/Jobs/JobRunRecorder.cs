using Dapper;
using Npgsql;
using Quartz;
using RegistryJanitor.Logging;

namespace RegistryJanitor.Jobs;

/// <summary>
/// Writes every job execution of this replica to <c>job_runs</c>, logs one summary line per run and counts it in
/// the job metrics. Registered for all jobs, so a feature's job gets history, logs and metrics for free.
/// </summary>
/// <remarks>
/// Recording failures are logged and swallowed: the job's own work matters more than its history row, and a
/// database outage already shows on readiness and in the job's own failure.
/// </remarks>
internal sealed class JobRunRecorder : IJobListener
{
    private const int MaxErrorLength = 4000;

    private const string InsertRunSql = """
        INSERT INTO job_runs (
            fire_instance_id, scheduler_instance, job_group, job_name, trigger_group, trigger_name,
            scheduled_at, started_at)
        VALUES (
            @fireInstanceId, @schedulerInstance, @jobGroup, @jobName, @triggerGroup, @triggerName,
            @scheduledAt, @startedAt)
        ON CONFLICT (fire_instance_id) DO NOTHING
        """;

    private const string FinishRunSql = """
        UPDATE job_runs
        SET finished_at = @finishedAt, outcome = @outcome, error = @error
        WHERE fire_instance_id = @fireInstanceId
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly JobMetrics _metrics;
    private readonly SchedulerState _state;
    private readonly ILogger<JobRunRecorder> _logger;

    public JobRunRecorder(
        NpgsqlDataSource dataSource, TimeProvider timeProvider, JobMetrics metrics, SchedulerState state,
        ILogger<JobRunRecorder> logger)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _state = state;
        _logger = logger;
    }

    public string Name => nameof(JobRunRecorder);

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        _state.JobStarted();
        var command = new CommandDefinition(
            InsertRunSql,
            new
            {
                fireInstanceId = context.FireInstanceId,
                schedulerInstance = context.Scheduler.SchedulerInstanceId,
                jobGroup = context.JobDetail.Key.Group,
                jobName = context.JobDetail.Key.Name,
                triggerGroup = context.Trigger.Key.Group,
                triggerName = context.Trigger.Key.Name,
                scheduledAt = context.ScheduledFireTimeUtc,
                startedAt = _timeProvider.GetUtcNow(),
            },
            cancellationToken: cancellationToken);
        await ExecuteAsync(context, command);
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(
        IJobExecutionContext context,
        JobExecutionException? jobException,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        _state.JobFinished();
        var jobKey = context.JobDetail.Key.ToString();
        var elapsed = context.JobRunTime;
        var cancelled = jobException?.InnerException is OperationCanceledException
                        || (jobException is not null && context.CancellationToken.IsCancellationRequested);
        var outcome = jobException is null ? JobOutcomes.Succeeded
            : cancelled ? JobOutcomes.Cancelled
            : JobOutcomes.Failed;

        LogOutcome(context, jobException, jobKey, elapsed, outcome);
        _metrics.RecordRun(jobKey, outcome, elapsed);

        var error = jobException?.InnerException?.Message ?? jobException?.Message;
        var command = new CommandDefinition(
            FinishRunSql,
            new
            {
                fireInstanceId = context.FireInstanceId,
                finishedAt = _timeProvider.GetUtcNow(),
                outcome,
                error = error is { Length: > MaxErrorLength } ? error[..MaxErrorLength] : error,
            },
            cancellationToken: CancellationToken.None);
        await ExecuteAsync(context, command);
    }

    private void LogOutcome(
        IJobExecutionContext context, JobExecutionException? jobException, string jobKey, TimeSpan elapsed,
        string outcome)
    {
        var elapsedMs = (long)elapsed.TotalMilliseconds;
        var triggerKey = context.Trigger.Key.ToString();
        switch (outcome)
        {
            case JobOutcomes.Succeeded:
                _logger.JobSucceeded(jobKey, elapsedMs, triggerKey, context.FireInstanceId);
                break;
            case JobOutcomes.Cancelled:
                _logger.JobCancelled(jobKey, elapsedMs, context.FireInstanceId);
                break;
            default:
                _logger.JobFailed(jobException!, jobKey, elapsedMs, triggerKey, context.FireInstanceId);
                break;
        }
    }

    private async Task ExecuteAsync(IJobExecutionContext context, CommandDefinition command)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(command.CancellationToken);
            await connection.ExecuteAsync(command);
        }
        catch (Exception exception) when (exception is NpgsqlException or OperationCanceledException)
        {
            var jobKey = context.JobDetail.Key.ToString();
            _logger.JobRunNotRecorded(exception, jobKey, context.FireInstanceId);
        }
    }
}
