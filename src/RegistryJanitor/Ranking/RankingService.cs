using System.Diagnostics;
using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.Storage.Ranking;

namespace RegistryJanitor.Ranking;

/// <summary>Loads evidence from the inventory, ranks it with the pure rules and stores the run.</summary>
public sealed class RankingService
{
    private readonly ImageEvidenceLoader loader;
    private readonly RankingRunWriter writer;
    private readonly IOptions<RankingOptions> rankingOptions;
    private readonly IOptions<PricingOptions> pricingOptions;
    private readonly TimeProvider timeProvider;
    private readonly ILogger<RankingService> logger;

    public RankingService(
        ImageEvidenceLoader loader,
        RankingRunWriter writer,
        IOptions<RankingOptions> rankingOptions,
        IOptions<PricingOptions> pricingOptions,
        TimeProvider timeProvider,
        ILogger<RankingService> logger)
    {
        this.loader = loader;
        this.writer = writer;
        this.rankingOptions = rankingOptions;
        this.pricingOptions = pricingOptions;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>Ranks the newest tag of every repository (or every tag) and stores the run.</summary>
    /// <param name="registry">One registry by name, or null for all.</param>
    /// <param name="allTags">Rank every tag instead of the newest per repository.</param>
    /// <param name="month">The month whose length prices storage; null for the current month.</param>
    /// <param name="cancellationToken">Stops loading and writing.</param>
    public Task<RankingRunResult> RunAsync(
        string? registry, bool allTags, DateOnly? month, CancellationToken cancellationToken) =>
        RunAsync(registry, allTags, [], month, cancellationToken);

    /// <summary>
    /// Ranks the newest tag of every repository (or every tag) plus <paramref name="requested"/> and stores the run.
    /// </summary>
    /// <param name="registry">One registry by name, or null for all.</param>
    /// <param name="allTags">Rank every tag instead of the newest per repository.</param>
    /// <param name="requested">Tags to rank besides the newest ones; those not in the inventory are skipped.</param>
    /// <param name="month">The month whose length prices storage; null for the current month.</param>
    /// <param name="cancellationToken">Stops loading and writing.</param>
    public async Task<RankingRunResult> RunAsync(string? registry, bool allTags,
        IReadOnlyCollection<RequestedTag> requested, DateOnly? month, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        var pricedMonth = month ?? new DateOnly(startedAt.Year, startedAt.Month, 1);
        var days = StorageCostCalculator.DaysInMonth(pricedMonth);
        var pricing = pricingOptions.Value;
        var options = rankingOptions.Value;

        var evidence = await loader.LoadAsync(registry, allTags, requested, startedAt, cancellationToken);
        var withoutAnalysis = evidence.Count(image => image.IsRunnable && image.Analysis is null);
        if (withoutAnalysis > 0)
        {
            logger.RankingWithoutAnalysis(withoutAnalysis);
        }

        var ranked = ImageRanker.Rank(evidence, options, image =>
        {
            var (name, profile) = pricing.ProfileFor(image.Registry);
            return new PricingContext(name, profile, pricing.ForRegistry(image.Registry), days);
        });

        var header = new RankingRunHeader(startedAt, timeProvider.GetUtcNow(), pricedMonth, pricing.Currency, allTags,
            RankingJson.Options(options));
        var runId = await writer.WriteAsync(header, ranked, cancellationToken);
        var rankedCount = ranked.Count(image => image.Rank > 0);
        logger.RankingFinished(runId, rankedCount, ranked.Count - rankedCount,
            rankedCount == 0 ? 0m : ranked[0].Savings.MoneyPerMonth, pricing.Currency, stopwatch.ElapsedMilliseconds);
        return new RankingRunResult(runId, pricing.Currency, ranked);
    }

    /// <summary>The <paramref name="requested"/> tags the inventory of the selected registries does not hold.</summary>
    public Task<IReadOnlyList<UnknownTag>> FindUnknownTagsAsync(
        string? registry, IReadOnlyCollection<RequestedTag> requested, CancellationToken cancellationToken) =>
        loader.FindUnknownAsync(registry, requested, cancellationToken);
}
