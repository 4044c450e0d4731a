namespace RegistryJanitor.Logging;

/// <summary>
/// Log messages of the host: 1000-1099 scheduler and jobs, 2020-2099 database start-up and readiness
/// (2000-2019 belong to the migrations runner in the storage library).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information,
        Message = "Scheduler {SchedulerName} started as cluster node {InstanceId}")]
    public static partial void SchedulerStarted(this ILogger logger, string schedulerName, string instanceId);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Scheduler in standby; waiting up to {GracePeriod} for {RunningJobs} running jobs")]
    public static partial void SchedulerStopping(this ILogger logger, TimeSpan gracePeriod, int runningJobs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning,
        Message = "Grace period over with {RunningJobs} jobs still running; asking them to cancel")]
    public static partial void GracePeriodExceeded(this ILogger logger, int runningJobs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Scheduler stopped")]
    public static partial void SchedulerStopped(this ILogger logger);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Information,
        Message = "Job {JobKey} succeeded in {ElapsedMs} ms (trigger {TriggerKey}, fire {FireInstanceId})")]
    public static partial void JobSucceeded(
        this ILogger logger, string jobKey, long elapsedMs, string triggerKey, string fireInstanceId);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error,
        Message = "Job {JobKey} failed after {ElapsedMs} ms (trigger {TriggerKey}, fire {FireInstanceId})")]
    public static partial void JobFailed(
        this ILogger logger, Exception exception, string jobKey, long elapsedMs, string triggerKey,
        string fireInstanceId);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning,
        Message = "Job {JobKey} was cancelled after {ElapsedMs} ms (fire {FireInstanceId})")]
    public static partial void JobCancelled(this ILogger logger, string jobKey, long elapsedMs, string fireInstanceId);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning,
        Message = "Could not record the run of job {JobKey} (fire {FireInstanceId}) in job_runs")]
    public static partial void JobRunNotRecorded(
        this ILogger logger, Exception exception, string jobKey, string fireInstanceId);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Information,
        Message = "Job history clean-up removed {Deleted} runs started before {Cutoff:o}")]
    public static partial void JobHistoryCleaned(this ILogger logger, int deleted, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning,
        Message = "PostgreSQL is not reachable yet ({Reason}); retrying in {RetryInterval}")]
    public static partial void DatabaseUnavailableAtStart(this ILogger logger, string reason, TimeSpan retryInterval);

    [LoggerMessage(EventId = 2023, Level = LogLevel.Warning,
        Message = "The schema is not current ({Pending} migrations pending, changed since applied: {Changed}) and "
            + "Migrations:ApplyOnStart is false; run migrate. Checking again in {RetryInterval}")]
    public static partial void SchemaNotCurrentAtStart(
        this ILogger logger, int pending, string changed, TimeSpan retryInterval);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Critical,
        Message = "The service cannot start (schema or scheduler); stopping")]
    public static partial void StartupFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Debug,
        Message = "Readiness probe: PostgreSQL not ready ({Reason})")]
    public static partial void NotReady(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1098, Level = LogLevel.Critical, Message = "Command {Command} failed")]
    public static partial void CommandFailed(this ILogger logger, Exception exception, string command);
}
