using System.Diagnostics;
using Npgsql;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.Storage.Ranking;

namespace RegistryJanitor.Benchmarks;

/// <summary>
/// Stores two finished ranking runs of a <see cref="SyntheticInventory"/> through the product's
/// <see cref="RankingRunWriter"/> (binary COPY into <c>ranking_runs</c>, <c>ranked_items</c>,
/// <c>ranked_findings</c>): the previous month's, then the current month's, both with scope <c>all</c>.
/// </summary>
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

        var previous = new SyntheticRanking(inventory, previousMonth: true);
        await writer.WriteAsync(Header(day.AddMonths(-1), month.AddMonths(-1), currency, options), previous,
            cancellationToken);

        var current = new SyntheticRanking(inventory, previousMonth: false);
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
