namespace RegistryJanitor.Jobs;

/// <summary>The values of <c>job_runs.outcome</c> and of the <c>outcome</c> metric tag.</summary>
internal static class JobOutcomes
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
