using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using RegistryJanitor.Logging;
using RegistryJanitor.Options;

namespace RegistryJanitor.Jobs;

/// <summary>Deletes <c>job_runs</c> rows older than <c>Scheduler:JobHistoryRetention</c>.</summary>
[DisallowConcurrentExecution]
internal sealed class JobHistoryCleanupJob : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("job-history-cleanup", "foundation");

    private const string DeleteOldRunsSql = """
        DELETE FROM job_runs
        WHERE started_at < @cutoff
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly SchedulerOptions _options;
    private readonly ILogger<JobHistoryCleanupJob> _logger;

    public JobHistoryCleanupJob(
        NpgsqlDataSource dataSource, TimeProvider timeProvider, IOptions<SchedulerOptions> options,
        ILogger<JobHistoryCleanupJob> logger)
    {
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var cutoff = _timeProvider.GetUtcNow() - _options.JobHistoryRetention;

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            DeleteOldRunsSql, new { cutoff }, cancellationToken: cancellationToken));

        _logger.JobHistoryCleaned(deleted, cutoff);
    }
}
