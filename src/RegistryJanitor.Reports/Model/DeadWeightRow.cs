namespace RegistryJanitor.Reports.Model;

/// <summary>One item of registry dead weight.</summary>
public sealed record DeadWeightRow
{
    /// <summary><c>untagged</c>, <c>stale</c>, <c>build-cache</c> or <c>orphaned-referrer</c>.</summary>
    public required string Kind { get; init; }

    public required string Registry { get; init; }

    public required string Repository { get; init; }

    /// <summary>Tag, or null for untagged manifests.</summary>
    public string? Tag { get; init; }

    public required string Digest { get; init; }

    /// <summary>Bytes deleting it would free (blobs nothing else references, each once).</summary>
    public required long FreedBytes { get; init; }

    public int? AgeDays { get; init; }

    public DateTimeOffset? LastPulledAt { get; init; }

    public string? Detail { get; init; }
}
