namespace RegistryJanitor.Storage.Replicas;

/// <summary>What one attempt at a batch of a shared analysis run did.</summary>
/// <param name="LayersRead">Layers read and stored (analysed or rejected) by this attempt.</param>
/// <param name="BytesRead">Compressed bytes read from the registry.</param>
/// <param name="DownloadFailures">Downloads that failed for network or registry reasons (not stored).</param>
public sealed record AnalysisBatchOutcome(int LayersRead, long BytesRead, int DownloadFailures);
