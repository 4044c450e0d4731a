namespace RegistryJanitor.Analysis;

/// <summary>What the replica starting a shared analysis run planned.</summary>
/// <param name="LayerDigests">Distinct layer digests to read, in plan order; split into work items.</param>
/// <param name="PlannedBytes">Compressed bytes of those layers.</param>
/// <param name="ImagesOverBudget">Image manifest digests the plan left out for the budget.</param>
public sealed record SharedAnalysisPlan(
    IReadOnlyList<string> LayerDigests, long PlannedBytes, IReadOnlyList<string> ImagesOverBudget);
