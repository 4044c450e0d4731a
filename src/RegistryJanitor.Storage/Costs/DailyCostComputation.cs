using Dapper;
using Npgsql;
using RegistryJanitor.Core.Costs;

namespace RegistryJanitor.Storage.Costs;

/// <summary>
/// Computes one registry's day in PostgreSQL — sharing figures, per-tag pull bytes, base-image families, pulls,
/// egress, storage cost allocation, team allocation — and replaces that day's snapshot rows and the month's
/// roll-up, in one transaction.
/// </summary>
/// <remarks>
/// Only the per-registry prices are computed here (one storage cost per registry); every per-row figure is
/// computed by the statements of <see cref="DailyCostSql"/> and <see cref="DailyCostWriteSql"/>. Egress uses
/// cold pull bytes for every pull (the upper bound); <see cref="RegistryCostOptions.PullBytes"/> set to
/// incremental is not applied in SQL yet. Registry-wide pull counts (no repository, as ACR metrics give) are
/// not attributed to images.
/// </remarks>
public sealed class DailyCostComputation
{
    private const int CommandTimeoutSeconds = 600;

    private readonly NpgsqlDataSource dataSource;

    public DailyCostComputation(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>Computes and stores the requested day; running it again replaces the same rows.</summary>
    public async Task<DailyCostResult> ComputeAsync(DailyCostRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pricing = request.Pricing;
        var registryOptions = pricing.ForRegistry(request.Registry);
        var (profileName, profile) = pricing.ProfileFor(request.Registry);
        var days = StorageCostCalculator.DaysInMonth(request.Day);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await ExecuteAsync(connection, transaction, DailyCostSql.SessionSettings, null, cancellationToken);
        await ExecuteAsync(connection, transaction, DailyCostSql.CreatePresence, null, cancellationToken);
        var presenceParameters = new
        {
            registryId = request.RegistryId,
            scopeByRepository = registryOptions.DedupScope == DedupScope.Repository,
        };
        await ExecuteAsync(connection, transaction, DailyCostSql.FillPresence, presenceParameters, cancellationToken);
        await ExecuteAsync(connection, transaction, DailyCostSql.IndexPresence, null, cancellationToken);
        await ExecuteAsync(connection, transaction, DailyCostSql.CreatePresenceBlob(
            presenceParameters.scopeByRepository), null, cancellationToken);
        await ExecuteAsync(connection, transaction, DailyCostSql.BuildWorkingTables, null, cancellationToken);
        var summary = await connection.QuerySingleAsync<RegistrySummaryRow>(new CommandDefinition(
            DailyCostSql.SelectRegistrySummary, null, transaction, CommandTimeoutSeconds,
            cancellationToken: cancellationToken));

        var monthly = StorageCostCalculator.MonthlyCost(profileName, profile, summary.StoredBytes, days);
        var dailyStorageCost = monthly.Total / days;
        var storageCostPerByte = summary.StoredBytes == 0 ? 0m : dailyStorageCost / summary.StoredBytes;
        var egressPricePerByte = Enum.GetValues<PullSource>()
            .Sum(s => registryOptions.Share(s) * profile.EgressPricePerGb(s)) / profile.BillingUnitBytes;

        var assumptions = pricing.PullAssumptions;
        var allocation = pricing.Allocation;
        var allocateParameters = new
        {
            registry = request.Registry,
            day = request.Day,
            assumptionPatterns = assumptions.Select(a => new RepositoryGlob(a.Pattern).RegexPattern).ToArray(),
            assumptionPullsPerDay = assumptions.Select(a => a.DeploysPerMonth * a.Replicas / days).ToArray(),
            unallocatedTeam = allocation.UnallocatedTeam,
            labelKey = allocation.LabelKey ?? string.Empty,
            prefixes = allocation.PrefixRules.Select(r => r.Prefix).ToArray(),
            teams = allocation.PrefixRules.Select(r => r.Team).ToArray(),
        };
        await ExecuteAsync(
            connection, transaction, DailyCostWriteSql.AllocatePullsAndTeams, allocateParameters, cancellationToken);

        var writeParameters = new
        {
            day = request.Day,
            month = new DateOnly(request.Day.Year, request.Day.Month, 1),
            registryId = request.RegistryId,
            registry = request.Registry,
            dedupScope = registryOptions.DedupScope == DedupScope.Repository ? "repository" : "registry",
            summary.Repositories,
            summary.Tags,
            summary.Manifests,
            summary.LogicalBytes,
            summary.StoredBytes,
            pricingProfile = profileName,
            currency = pricing.Currency,
            dailyStorageCost,
            storageCostPerByte,
            egressPricePerByte,
            computedAt = request.ComputedAt,
        };
        await ExecuteAsync(connection, transaction, DailyCostWriteSql.ReplaceDay, writeParameters, cancellationToken);

        var sharingParameters = new { day = request.Day, registryId = request.RegistryId };
        await ExecuteAsync(
            connection, transaction, DailySharingSql.ReplaceTagSnapshots, sharingParameters, cancellationToken);
        await ExecuteAsync(
            connection, transaction, DailySharingSql.ReplaceBaseFamilies, sharingParameters, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        return new DailyCostResult(
            request.Registry, request.Day, summary.Repositories, summary.Tags, summary.Manifests,
            summary.LogicalBytes, summary.StoredBytes, monthly, dailyStorageCost);
    }

    private static Task<int> ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        object? parameters,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            sql, parameters, transaction, CommandTimeoutSeconds, cancellationToken: cancellationToken));
}
