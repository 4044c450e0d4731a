namespace RegistryJanitor.Reports.Model;

/// <summary>The Dockerfile change for one recommendation.</summary>
public sealed record FixRow
{
    public required int Rank { get; init; }

    public required string Registry { get; init; }

    public required string Repository { get; init; }

    public required string Tag { get; init; }

    public required string Recommendation { get; init; }

    public required string Ecosystem { get; init; }

    /// <summary>Dockerfile change, several lines.</summary>
    public required string DockerfileChange { get; init; }
}
