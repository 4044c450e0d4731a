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

    /// <summary>
    /// Days since it lost its last tag (untagged), or since its last pull, else its push (stale), to the snapshot
    /// day.
    /// </summary>
    public int? AgeDays { get; init; }

    /// <summary>When it was pushed (UTC), as the Images sheet's Pushed column.</summary>
    public DateTime? PushedAt { get; init; }

    /// <summary>When it was last pulled (UTC), when known.</summary>
    public DateTime? LastPulledAt { get; init; }

    public string? Detail { get; init; }
}
