namespace RegistryJanitor.Storage.Ranking;

/// <summary>One row of the evidence query: a tag with its image facts and repository figures.</summary>
internal sealed class EvidenceRow
{
    public string Registry { get; init; } = string.Empty;

    public string? RegistryUrl { get; init; }

    public string Repository { get; init; } = string.Empty;

    public string Tag { get; init; } = string.Empty;

    public string Digest { get; init; } = string.Empty;

    public string Kind { get; init; } = string.Empty;

    public string MediaType { get; init; } = string.Empty;

    public string Annotations { get; init; } = "{}";

    /// <summary>The image manifest ranked: the tagged manifest, or the chosen child of an index.</summary>
    public long ImageManifestId { get; init; }

    public bool HasConfig { get; init; }

    public DateTime? CreatedAt { get; init; }

    public string? Os { get; init; }

    public string? Architecture { get; init; }

    public string? Variant { get; init; }

    public string? ConfigUser { get; init; }

    public string[]? EnvNames { get; init; }

    public string? Labels { get; init; }

    public string[]? Healthcheck { get; init; }

    public string[]? ExposedPorts { get; init; }

    public string? History { get; init; }

    public long ConfigSizeBytes { get; init; }

    public string[] LayerDigests { get; init; } = [];

    public long[] LayerSizes { get; init; } = [];

    public bool[] LayerShared { get; init; } = [];

    public long RetainedTags { get; init; }

    public decimal PushesPerMonth { get; init; }

    public long BuildCaches { get; init; }

    public bool HasSignature { get; init; }

    public bool HasSbom { get; init; }

    public bool HasAttestation { get; init; }

    public long Pulls { get; init; }

    public string? PullSource { get; init; }
}
