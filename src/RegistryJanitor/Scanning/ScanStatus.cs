namespace RegistryJanitor.Scanning;

/// <summary>The outcome of a scan run, stored in <c>scan_runs.status</c>.</summary>
public static class ScanStatus
{
    /// <summary>Every repository scanned without an error.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Scanned, but with recorded errors in some repositories or manifests.</summary>
    public const string Partial = "partial";

    /// <summary>Nothing usable: access refused, no listing, or every repository failed.</summary>
    public const string Failed = "failed";
}
