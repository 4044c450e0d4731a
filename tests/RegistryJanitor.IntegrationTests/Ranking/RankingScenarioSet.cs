namespace RegistryJanitor.IntegrationTests.Ranking;

/// <summary>The five scenario images of one ranking test: one per matrix row plus the lean one.</summary>
public sealed record RankingScenarioSet(
    RankedScenario Web, RankedScenario Ml, RankedScenario Billing, RankedScenario Ci, RankedScenario Lean)
{
    public IReadOnlyList<RankedScenario> All => [Web, Ml, Billing, Ci, Lean];
}
