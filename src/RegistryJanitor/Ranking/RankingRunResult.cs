using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Ranking;

/// <summary>A stored ranking run: its id, currency and the ranked images (rank order, artifacts last).</summary>
public sealed record RankingRunResult(long RunId, string Currency, IReadOnlyList<RankedImage> Images);
