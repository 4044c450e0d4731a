using Dapper;
using Npgsql;
using RegistryJanitor.Reports.Model;
using RegistryJanitor.Storage.Reports.Retention;

namespace RegistryJanitor.Storage.Reports;

/// <summary>Reads the optimization workbook's data for one month from the stored ranking runs.</summary>
/// <remarks>
/// The month's data is the last ranking run priced for that month; Progress compares it with the last run
/// priced for the previous month. Retention lists, per registry, the policies of the last day within the month
/// that <c>retention_simulations</c> holds (the simulation runs daily and with every month-to-date report), and
/// is read even when no ranking run exists. Confidence maps the stored savings confidence low, medium, high to
/// 0.3, 0.6, 0.9.
/// </remarks>
public sealed class OptimizationReportLoader
{
    /// <summary>How many of last month's top items the Progress sheet follows.</summary>
    public const int ProgressTop = 20;

    private const int CommandTimeoutSeconds = 600;

    private readonly NpgsqlDataSource dataSource;

    public OptimizationReportLoader(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>Loads the month's ranking; <paramref name="currency"/> is used when no run exists.</summary>
    public async Task<OptimizationReportData> LoadAsync(ReportPeriod period, string currency,
        DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        await ReportSessionSql.ApplyAsync(connection, transaction, cancellationToken);

        var run = await LatestRunAsync(connection, transaction, period.Month, cancellationToken);
        var previous = await LatestRunAsync(connection, transaction, period.Month.AddMonths(-1), cancellationToken);
        var retention = await QueryAsync<RetentionPolicyRow>(connection, transaction,
            RetentionSimulationSql.SelectForPeriod, period.SqlParameters, cancellationToken);
        var empty = new OptimizationReportData
        {
            Month = period.Month,
            MonthToDate = period.MonthToDate,
            GeneratedAt = generatedAt,
            Currency = run?.Currency ?? currency,
            Ranked = [],
            Findings = [],
            DecisionMatrix = Matrix([]),
            Retention = retention,
            Fixes = [],
            Progress = [],
        };
        if (run is null)
        {
            return empty;
        }

        var parameters = new { runId = run.Id };
        var ranked = (await QueryAsync<RankedItemRow>(
                connection, transaction, OptimizationReportSql.SelectRanked, parameters, cancellationToken))
            .Select(row => row with { RecommendedApproach = DecisionMatrixCatalog.ApproachOf(row.Scenario) })
            .ToList();
        var findings = await QueryAsync<FindingRow>(
            connection, transaction, OptimizationReportSql.SelectFindings, parameters, cancellationToken);
        var totals = await QueryAsync<ScenarioTotalsRow>(
            connection, transaction, OptimizationReportSql.SelectScenarioTotals, parameters, cancellationToken);
        var fixes = await QueryAsync<FixRow>(
            connection, transaction, OptimizationReportSql.SelectFixes, parameters, cancellationToken);
        var progress = previous is null
            ? []
            : await QueryAsync<ProgressItemRow>(connection, transaction, OptimizationReportSql.SelectProgress,
                new { runId = run.Id, previousRunId = previous.Id, top = ProgressTop }, cancellationToken);

        return empty with
        {
            Ranked = ranked,
            Findings = findings,
            DecisionMatrix = Matrix(totals),
            Fixes = fixes,
            Progress = progress,
        };
    }

    private static List<DecisionMatrixRow> Matrix(IReadOnlyList<ScenarioTotalsRow> totals) =>
        [.. DecisionMatrixCatalog.Rows.Select(row =>
        {
            var total = totals.FirstOrDefault(candidate => candidate.Scenario == row.Scenario);
            return new DecisionMatrixRow
            {
                Scenario = row.Scenario,
                RecommendedApproach = row.Approach,
                Why = row.Why,
                ClaimedImpact = row.Impact,
                Images = total?.Images ?? 0,
                SavingsBytes = total?.SavingsBytes ?? 0,
                SavingsPerMonth = total?.SavingsPerMonth ?? 0,
            };
        })];

    private static async Task<RankingRunRef?> LatestRunAsync(NpgsqlConnection connection,
        NpgsqlTransaction transaction, DateOnly month, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<RankingRunRef>(new CommandDefinition(
            OptimizationReportSql.SelectLatestRun, new { month = month.ToDateTime(TimeOnly.MinValue) }, transaction,
            CommandTimeoutSeconds, cancellationToken: cancellationToken));

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<T>(new CommandDefinition(
            sql, parameters, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
