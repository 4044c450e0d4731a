using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Reports;
using RegistryJanitor.Reports.Model;

namespace RegistryJanitor.Storage.Reports;

/// <summary>Reads the cost workbook's data for one month from PostgreSQL (never from a registry).</summary>
/// <remarks>
/// Bytes come from the last daily snapshot of the month, pulls and egress are summed over the month's days.
/// Stale images follow <see cref="ReportOptions.StaleAfterPull"/> and <see cref="ReportOptions.StaleAfterPush"/>
/// (see <see cref="CostDetailSql.SelectDeadWeight"/>). Team stored bytes, shared layers and push and last-pull
/// times read the inventory as it is now, so for a past month they describe the registry at the time the report
/// is written. The heaviest statements run in parallel on their own connections, sharing one exported snapshot.
/// </remarks>
public sealed class CostReportLoader
{
    /// <summary>Shared layers listed, most referenced first.</summary>
    public const int SharedLayerLimit = 200;

    private const int CommandTimeoutSeconds = 600;

    private readonly NpgsqlDataSource dataSource;
    private readonly IOptions<ReportOptions> options;

    public CostReportLoader(NpgsqlDataSource dataSource, IOptions<ReportOptions> options)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        this.dataSource = dataSource;
        this.options = options;
    }

    /// <summary>Loads the month's data; <paramref name="pricing"/> gives the prices written to Assumptions.</summary>
    public async Task<CostReportData> LoadAsync(ReportPeriod period, PricingOptions pricing,
        DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(pricing);
        var parameters = period.SqlParameters;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken);

        await ReportSessionSql.ApplyAsync(connection, transaction, cancellationToken);

        // The four heavy statements (each re-reads the snapshots and the manifest-blob rows) run side by side on
        // their own connections, all on this transaction's snapshot, so the workbook stays one consistent picture
        // while PostgreSQL uses more than one core.
        var snapshot = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT pg_export_snapshot()", transaction: transaction, cancellationToken: cancellationToken));
        var sharedLayerParameters = new DynamicParameters(parameters);
        sharedLayerParameters.Add("limit", SharedLayerLimit);
        var deadWeightParameters = new DynamicParameters(parameters);
        deadWeightParameters.Add("staleAfterPush", options.Value.StaleAfterPush);
        deadWeightParameters.Add("staleAfterPull", options.Value.StaleAfterPull);
        // One failed statement stops the others, so none runs on unobserved after the report has failed.
        using var heavyCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var teamsTask = StopOthersOnFailureAsync(QueryInSnapshotAsync<TeamCostRow>(
            snapshot!, CostReportSql.SelectTeams, parameters, heavyCancellation.Token), heavyCancellation);
        var imagesTask = StopOthersOnFailureAsync(QueryInSnapshotAsync<ImageCostRow>(
            snapshot!, CostDetailSql.SelectImages, parameters, heavyCancellation.Token), heavyCancellation);
        var sharedLayersTask = StopOthersOnFailureAsync(QueryInSnapshotAsync<SharedLayerRow>(
            snapshot!, CostDetailSql.SelectSharedLayers, sharedLayerParameters, heavyCancellation.Token),
            heavyCancellation);
        var deadWeightTask = StopOthersOnFailureAsync(QueryInSnapshotAsync<DeadWeightRow>(
            snapshot!, CostDetailSql.SelectDeadWeight, deadWeightParameters, heavyCancellation.Token),
            heavyCancellation);
        var heavy = Task.WhenAll(teamsTask, imagesTask, sharedLayersTask, deadWeightTask);

        List<RegistryCostRow> registries;
        List<RepositoryCostRow> repositories;
        List<CostMonthTotals> history;
        try
        {
            registries = await QueryAsync<RegistryCostRow>(
                connection, transaction, CostReportSql.SelectRegistries, parameters, cancellationToken);
            repositories = await QueryAsync<RepositoryCostRow>(
                connection, transaction, CostReportSql.SelectRepositories, parameters, cancellationToken);
            history = (await QueryAsync<MonthTotalsRow>(
                    connection, transaction, CostDetailSql.SelectHistory, parameters, cancellationToken))
                .Select(ToTotals)
                .ToList();
        }
        catch
        {
            await heavyCancellation.CancelAsync();
            await heavy.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        // The exporting transaction stays open until every statement that imported its snapshot has finished.
        await heavy;
        var teams = await teamsTask;
        var images = await imagesTask;
        var sharedLayers = await sharedLayersTask;
        var deadWeight = await deadWeightTask;

        var daysInMonth = DateTime.DaysInMonth(period.Month.Year, period.Month.Month);
        var registryNames = registries.Select(registry => registry.Registry).ToList();
        var previous = period.Month.AddMonths(-1);
        return new CostReportData
        {
            Month = period.Month,
            MonthToDate = period.MonthToDate,
            GeneratedAt = generatedAt,
            Currency = pricing.Currency,
            BilledDays = period.BilledDays,
            PreviousMonth = history.SingleOrDefault(totals => totals.Month == previous),
            History = history,
            Pricing = [.. registryNames.Select(name => ReportPricing.For(pricing, name, daysInMonth))],
            Assumptions = ReportPricing.Assumptions(pricing, registryNames),
            Registries = registries,
            Teams = teams,
            Repositories = repositories,
            Images = images,
            SharedLayers = sharedLayers,
            DeadWeight = deadWeight,
        };
    }

    /// <summary>The last snapshot day within the period, or null when the cost job has not run in it.</summary>
    public async Task<DateOnly?> SnapshotDayAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var day = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            CostReportSql.SelectSnapshotDay, period.SqlParameters, commandTimeout: CommandTimeoutSeconds,
            cancellationToken: cancellationToken));
        return day is { } value ? DateOnly.FromDateTime(value) : null;
    }

    private static CostMonthTotals ToTotals(MonthTotalsRow row) => new()
    {
        Month = DateOnly.FromDateTime(row.Month),
        LogicalBytes = row.LogicalBytes,
        StoredBytes = row.StoredBytes,
        Pulls = row.Pulls,
        EgressBytes = row.EgressBytes,
        StorageCost = row.StorageCost,
        EgressCost = row.EgressCost,
    };

    private static async Task<List<T>> StopOthersOnFailureAsync<T>(
        Task<List<T>> query, CancellationTokenSource others)
    {
        try
        {
            return await query;
        }
        catch
        {
            await others.CancelAsync();
            throw;
        }
    }

    /// <summary>Runs one statement on its own connection in the exported snapshot of the loading transaction.</summary>
    private async Task<List<T>> QueryInSnapshotAsync<T>(
        string snapshot, string sql, object parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(
            System.Data.IsolationLevel.RepeatableRead, cancellationToken);

        // The identifier comes from pg_export_snapshot, never from input; SET TRANSACTION SNAPSHOT takes no
        // parameter, so it is quoted here.
        await connection.ExecuteAsync(new CommandDefinition(
            $"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''", StringComparison.Ordinal)}'",
            transaction: transaction, cancellationToken: cancellationToken));
        await ReportSessionSql.ApplyAsync(connection, transaction, cancellationToken);
        var rows = await QueryAsync<T>(connection, transaction, sql, parameters, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private static async Task<List<T>> QueryAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction,
        string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<T>(new CommandDefinition(
            sql, parameters, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
