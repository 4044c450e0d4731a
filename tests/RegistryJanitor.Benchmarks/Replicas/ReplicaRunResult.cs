namespace RegistryJanitor.Benchmarks.Replicas;

/// <summary>What one shared scan with a given number of replicas did, read back from <c>scan_runs</c>.</summary>
/// <param name="Replicas">Replica processes running.</param>
/// <param name="Status">The run's status.</param>
/// <param name="RepositoriesScanned">Repositories the run recorded as scanned.</param>
/// <param name="TagsSeen">Tags the run saw.</param>
/// <param name="Elapsed">From the run's start to its close, by the run's own timestamps.</param>
/// <param name="ReplicasThatScanned">Distinct replicas that recorded at least one repository.</param>
/// <param name="Requests">Requests that passed the delaying proxy during the run.</param>
internal sealed record ReplicaRunResult(
    int Replicas,
    string Status,
    int RepositoriesScanned,
    int TagsSeen,
    TimeSpan Elapsed,
    int ReplicasThatScanned,
    long Requests)
{
    /// <summary>Repositories per second.</summary>
    public double Throughput => RepositoriesScanned / Math.Max(Elapsed.TotalSeconds, 0.001);
}
