using Quartz;

namespace RegistryJanitor.Replicas;

/// <summary>Job identities and job data keys of the work items of a shared scan.</summary>
internal static class ScanBatchKeys
{
    public const string Group = "scan-batches";

    public const string Registry = "registry";

    public const string RunId = "runId";

    public const string BatchNo = "batchNo";

    public static JobKey For(string registry, long runId, int batchNo) =>
        new($"scan-{registry}-{runId}-{batchNo}", Group);
}
