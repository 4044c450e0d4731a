namespace RegistryJanitor.Storage.Replicas;

/// <summary>A batch of a shared analysis run as stored in <c>analysis_batches</c>.</summary>
/// <param name="RegistryId">The registry of the run.</param>
/// <param name="Finished">True once a replica finished the batch.</param>
/// <param name="ClosesRun">True when finishing this batch brought the run's pending batches to zero.</param>
/// <param name="RunOpen">True while the run is still running (its per-image step not done).</param>
/// <param name="LayerDigests">The layer digests of the batch.</param>
/// <param name="OverBudget">Image manifest digests the run's plan left out for the budget.</param>
public sealed record AnalysisBatch(
    int RegistryId, bool Finished, bool ClosesRun, bool RunOpen, IReadOnlyList<string> LayerDigests,
    IReadOnlyList<string> OverBudget);
