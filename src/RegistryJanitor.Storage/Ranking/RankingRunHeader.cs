namespace RegistryJanitor.Storage.Ranking;

/// <summary>What a ranking run row records besides its items.</summary>
/// <param name="StartedAt">When loading the evidence began.</param>
/// <param name="FinishedAt">When ranking finished.</param>
/// <param name="PricedMonth">First day of the month whose prices were used.</param>
/// <param name="Currency">ISO currency of every money figure.</param>
/// <param name="AllTags">True when every tag was ranked, false for the newest tag of each repository.</param>
/// <param name="OptionsJson">The ranking options used, as JSON.</param>
public sealed record RankingRunHeader(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    DateOnly PricedMonth,
    string Currency,
    bool AllTags,
    string OptionsJson);
