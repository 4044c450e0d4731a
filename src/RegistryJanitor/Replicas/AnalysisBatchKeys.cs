using Quartz;

namespace RegistryJanitor.Replicas;

/// <summary>Job identities and job data keys of the work items of a shared layer analysis.</summary>
internal static class AnalysisBatchKeys
{
    public const string Group = "analysis-batches";

    public const string Registry = "registry";

    public const string RunId = "runId";

    public const string BatchNo = "batchNo";

    public static JobKey For(string registry, long runId, int batchNo) =>
        new($"analyze-{registry}-{runId}-{batchNo}", Group);
}
