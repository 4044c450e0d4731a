namespace RegistryJanitor.Reports.Model;

/// <summary>One finding on one image.</summary>
public sealed record FindingRow
{
    public required string Registry { get; init; }

    public required string Repository { get; init; }

    public required string Tag { get; init; }

    public required string Digest { get; init; }

    public required string Finding { get; init; }

    public required string Severity { get; init; }

    /// <summary>Bytes involved, or null when the finding has no size (then the cell stays empty).</summary>
    public long? Bytes { get; init; }

    public required string Evidence { get; init; }
}
