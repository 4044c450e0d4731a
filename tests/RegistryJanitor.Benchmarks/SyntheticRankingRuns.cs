using System.Diagnostics;
using Npgsql;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.Storage.Ranking;
using RegistryJanitor.Storage.Reports;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// Stores two finished ranking runs of a <see cref="SyntheticInventory"/> through the product's
/// <see cref="RankingRunWriter"/> (binary COPY into <c>ranking_runs</c>, <c>ranked_items</c>,
/// <c>ranked_findings</c>): the previous month's, then the current month's, both with scope <c>all</c>.
/// </summary>
/// <remarks>
/// The previous run ranks every tagged image. The current run leaves out every fourth of the previous run's top
/// items, as if those tags had been deleted since, so Progress shows gone items beside fixed and open ones; the
/// inventory still holds them, so they remain on the cost workbook.
/// </remarks>
internal static class SyntheticRankingRuns
{
    /// <summary>Stores both runs priced for <paramref name="day"/>'s month and the month before.</summary>
    public static async Task<(SyntheticRanking Current, SyntheticRanking Previous, TimeSpan Load)> StoreAsync(
        NpgsqlDataSource dataSource, SyntheticInventory inventory, DateOnly day, string currency,
        CancellationToken cancellationToken)
    {
        var load = Stopwatch.StartNew();
        var writer = new RankingRunWriter(dataSource);
        var options = RankingJson.Options(new RankingOptions());
        var month = new DateOnly(day.Year, day.Month, 1);

        var previous = new SyntheticRanking(inventory, previousMonth: true, unranked: new HashSet<int>());
        await writer.WriteAsync(Header(day.AddMonths(-1), month.AddMonths(-1), currency, options), previous,
            cancellationToken);

        var gone = Enumerable.Range(0, Math.Min(previous.Count, OptimizationReportLoader.ProgressTop))
            .Where(index => index % 4 == 3)
            .Select(previous.ManifestAt)
            .ToHashSet();
        var current = new SyntheticRanking(inventory, previousMonth: false, gone);
        await writer.WriteAsync(Header(day, month, currency, options), current, cancellationToken);
        return (current, previous, load.Elapsed);
    }

    private static RankingRunHeader Header(DateOnly day, DateOnly month, string currency, string options)
    {
        // The nightly ranking: started at 02:40, finished 20 minutes later.
        var finished = new DateTimeOffset(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        return new RankingRunHeader(finished.AddMinutes(-20), finished, month, currency, AllTags: true, options);
    }
}
