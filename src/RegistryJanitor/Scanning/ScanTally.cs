using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>Thread-safe counters of a running scan.</summary>
internal sealed class ScanTally
{
    private int repositoriesDone;
    private int repositoriesScanned;
    private int repositoriesFailed;
    private int repositoriesUnchanged;
    private int tagsSeen;
    private int manifestsNew;
    private int manifestsKnown;
    private int blobsNew;
    private long bytesNew;

    public int RepositoriesTotal { get; set; }

    public int RepositoriesDone => Volatile.Read(ref repositoriesDone);

    public int RepositoriesFailed => Volatile.Read(ref repositoriesFailed);

    public void RepositoryScanned(RepositoryScanOutcome outcome, WriteResult written)
    {
        Interlocked.Increment(ref repositoriesScanned);
        Interlocked.Add(ref tagsSeen, outcome.Tags);
        Interlocked.Add(ref manifestsNew, written.ManifestsInserted);
        Interlocked.Add(ref manifestsKnown, outcome.ManifestsKnown);
        Interlocked.Add(ref blobsNew, written.BlobsInserted);
        Interlocked.Add(ref bytesNew, written.BytesInserted);
        Interlocked.Increment(ref repositoriesDone);
    }

    /// <summary>A repository the change feed let the scan skip.</summary>
    public void RepositoryUnchanged()
    {
        Interlocked.Increment(ref repositoriesUnchanged);
        Interlocked.Increment(ref repositoriesDone);
    }

    public void RepositoryFailed()
    {
        Interlocked.Increment(ref repositoriesFailed);
        Interlocked.Increment(ref repositoriesDone);
    }

    public ScanRunCounts ToCounts(int requests) => new(
        RepositoriesTotal,
        Volatile.Read(ref repositoriesScanned),
        RepositoriesFailed,
        Volatile.Read(ref tagsSeen),
        Volatile.Read(ref manifestsNew),
        Volatile.Read(ref manifestsKnown),
        Volatile.Read(ref blobsNew),
        Interlocked.Read(ref bytesNew),
        requests,
        Volatile.Read(ref repositoriesUnchanged));
}
