using Dapper;
using Npgsql;
using NpgsqlTypes;
using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Storage.Ranking;

/// <summary>Stores one ranking run with its items and findings in one transaction (binary COPY).</summary>
public sealed class RankingRunWriter
{
    private const string InsertRunSql = """
        INSERT INTO ranking_runs (started_at, finished_at, priced_month, currency, scope, images_ranked,
                                  images_unranked, options)
        VALUES (@startedAt, @finishedAt, @pricedMonth, @currency, @scope, @imagesRanked, @imagesUnranked,
                @options::jsonb)
        RETURNING id
        """;

    private const string CopyItemsSql = """
        COPY ranked_items (ranking_run_id, rank, registry, repository, tag, manifest_digest, scenario,
                           scenario_confidence, scenario_reasons, ecosystem, os_family, image_bytes,
                           dead_weight_bytes, hidden_bytes, toolchain_bytes, base_swap_bytes, removable_bytes,
                           storage_bytes_saved, storage_money, egress_money, money_per_month, pricing_profile,
                           pull_source, pulls_per_month, savings_confidence, assumptions, security_score,
                           recommendations)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string CopyFindingsSql = """
        COPY ranked_findings (ranking_run_id, registry, repository, tag, kind, status, severity, summary, evidence)
        FROM STDIN (FORMAT BINARY)
        """;

    private readonly NpgsqlDataSource dataSource;

    public RankingRunWriter(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        this.dataSource = dataSource;
    }

    /// <summary>Writes the run and returns its id.</summary>
    public async Task<long> WriteAsync(
        RankingRunHeader header, IReadOnlyList<RankedImage> images, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(images);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var runId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertRunSql, new
        {
            startedAt = header.StartedAt,
            finishedAt = header.FinishedAt,
            pricedMonth = header.PricedMonth,
            currency = header.Currency,
            scope = header.AllTags ? "all" : "newest",
            imagesRanked = images.Count(image => image.Rank > 0),
            imagesUnranked = images.Count(image => image.Rank == 0),
            options = header.OptionsJson,
        }, transaction, cancellationToken: cancellationToken));

        await CopyItemsAsync(connection, runId, images, cancellationToken);
        await CopyFindingsAsync(connection, runId, images, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return runId;
    }

    private static async Task CopyItemsAsync(
        NpgsqlConnection connection, long runId, IReadOnlyList<RankedImage> images, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyItemsSql, cancellationToken);
        foreach (var image in images)
        {
            var evidence = image.Evidence;
            var savings = image.Savings;
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(image.Rank, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(evidence.Registry, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(evidence.Repository, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(evidence.Tag, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(evidence.Digest, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(RankingNames.Of(image.Classification.Row), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(
                RankingNames.Of(image.Classification.Confidence), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(
                image.Classification.Reasons.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(
                RankingNames.Of(image.Classification.Ecosystem.Ecosystem), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(
                RankingNames.Of(image.Classification.OsFamily), NpgsqlDbType.Text, cancellationToken);
            long[] bytes =
            [
                evidence.ImageBytes, savings.DeadWeightBytes, savings.HiddenBytes, savings.ToolchainBytes,
                savings.BaseSwapBytes, savings.RemovableBytes, savings.StorageBytesSaved,
            ];
            foreach (var value in bytes)
            {
                await importer.WriteAsync(value, NpgsqlDbType.Bigint, cancellationToken);
            }

            await importer.WriteAsync(savings.StorageMoneyPerMonth, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(savings.EgressMoneyPerMonth, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(savings.MoneyPerMonth, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(savings.Profile, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(RankingNames.Of(evidence.Pulls.Source), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(evidence.Pulls.PullsPerMonth, NpgsqlDbType.Numeric, cancellationToken);
            await importer.WriteAsync(RankingNames.Of(savings.Confidence), NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(
                savings.Assumptions.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(image.SecurityScore, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(
                RankingJson.Recommendations(image.Recommendations), NpgsqlDbType.Jsonb, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task CopyFindingsAsync(
        NpgsqlConnection connection, long runId, IReadOnlyList<RankedImage> images, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync(CopyFindingsSql, cancellationToken);
        foreach (var image in images)
        {
            foreach (var finding in image.Findings)
            {
                await importer.StartRowAsync(cancellationToken);
                await importer.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
                await importer.WriteAsync(image.Evidence.Registry, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(image.Evidence.Repository, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(image.Evidence.Tag, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(RankingNames.Of(finding.Kind), NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(RankingNames.Of(finding.Status), NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(RankingNames.Of(finding.Severity), NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(finding.Summary, NpgsqlDbType.Text, cancellationToken);
                await importer.WriteAsync(
                    RankingJson.Evidence(finding.Evidence), NpgsqlDbType.Jsonb, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }
}
