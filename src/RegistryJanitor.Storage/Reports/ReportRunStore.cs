using System.Text.Json;
using Dapper;
using Npgsql;
using RegistryJanitor.Reports;

namespace RegistryJanitor.Storage.Reports;

/// <summary>Records each written report in <c>report_runs</c>.</summary>
public sealed class ReportRunStore
{
    private const string InsertSql = """
        INSERT INTO report_runs (month, month_to_date, snapshot_day, started_at, finished_at, trigger,
                                 output_directory, files, row_counts)
        VALUES (@month::date, @monthToDate, @snapshotDay::date, @startedAt, @finishedAt, @trigger,
                @outputDirectory, @files::jsonb, @rowCounts::jsonb)
        RETURNING id
        """;

    private readonly NpgsqlDataSource dataSource;

    public ReportRunStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>
    /// Stores the run and returns its id; <paramref name="trigger"/> is <c>command</c> or <c>schedule</c>.
    /// </summary>
    public async Task<long> RecordAsync(ReportPeriod period, DateOnly? snapshotDay, ReportRunResult result,
        string trigger, string outputDirectory, DateTimeOffset startedAt, DateTimeOffset finishedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(result);
        var files = result.Files.Select(file => new Dictionary<string, object>
        {
            ["kind"] = file.Kind,
            ["file"] = Path.GetFileName(file.Path),
            ["size_bytes"] = file.SizeBytes,
            ["sha256"] = file.Sha256,
            ["row_counts"] = file.RowCounts,
        }).ToList();
        var rowCounts = result.Files
            .SelectMany(file => file.RowCounts.Select(count => (Key: $"{file.Kind}/{count.Key}", count.Value)))
            .ToDictionary(count => count.Key, count => count.Value);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSql, new
        {
            month = period.Month.ToDateTime(TimeOnly.MinValue),
            monthToDate = period.MonthToDate,
            snapshotDay = snapshotDay?.ToDateTime(TimeOnly.MinValue),
            startedAt = startedAt.UtcDateTime,
            finishedAt = finishedAt.UtcDateTime,
            trigger,
            outputDirectory,
            files = JsonSerializer.Serialize(files),
            rowCounts = JsonSerializer.Serialize(rowCounts),
        }, cancellationToken: cancellationToken));
    }
}
