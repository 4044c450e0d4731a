namespace RegistryJanitor.Storage.Replicas;

/// <summary>A batch of a shared scan run as stored in <c>scan_batches</c>.</summary>
/// <param name="RegistryId">The registry of the run.</param>
/// <param name="Finished">True once a replica finished the batch.</param>
/// <param name="Repositories">The repositories of the batch.</param>
/// <param name="Recorded">Repositories of the batch already recorded in this run (by an earlier attempt).</param>
public sealed record ScanBatch(
    int RegistryId, bool Finished, IReadOnlyList<string> Repositories, IReadOnlySet<string> Recorded);
