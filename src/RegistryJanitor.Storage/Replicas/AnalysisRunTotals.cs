namespace RegistryJanitor.Storage.Replicas;

/// <summary>The layer figures of a shared analysis run, summed over its stored layers and finished batches.</summary>
/// <param name="StartedAt">When the run started (UTC).</param>
/// <param name="BudgetBytes">The run's download budget.</param>
/// <param name="PlannedBytes">What the run's plan chose to spend of it.</param>
/// <param name="BytesRead">Compressed bytes read by the finished batches.</param>
/// <param name="DownloadFailures">Failed downloads of the finished batches.</param>
/// <param name="LayersAnalysed">Layers stored as analysed by this run.</param>
/// <param name="LayersRejected">Layers stored as rejected by this run.</param>
/// <param name="LayersSkipped">Layers stored as skipped (foreign, non-distributable) by this run.</param>
public sealed record AnalysisRunTotals(
    DateTime StartedAt, long BudgetBytes, long PlannedBytes, long BytesRead, int DownloadFailures,
    int LayersAnalysed, int LayersRejected, int LayersSkipped);
