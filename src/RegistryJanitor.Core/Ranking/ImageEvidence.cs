using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Manifests;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Everything the ranking reads about one tagged manifest. Built from the inventory; no I/O here.</summary>
public sealed record ImageEvidence
{
    public required string Registry { get; init; }

    /// <summary>
    /// Host (and port) of the registry as image references name it, from its configured URL; null when unknown,
    /// and then recommendations name the registry by its configured name.
    /// </summary>
    public string? RegistryHost { get; init; }

    public required string Repository { get; init; }

    public required string Tag { get; init; }

    public required string Digest { get; init; }

    /// <summary>What the manifest is; anything but an image or index is not ranked.</summary>
    public required ManifestKind Kind { get; init; }

    /// <summary>The manifest media type; the health-check finding applies to Docker-format images only.</summary>
    public required string MediaType { get; init; }

    /// <summary>Config facts; null for artifacts or when the config could not be read.</summary>
    public ImageConfigFacts? Config { get; init; }

    /// <summary>Manifest annotations (e.g. <c>org.opencontainers.image.base.digest</c>).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    public long ConfigSizeBytes { get; init; }

    /// <summary>Layers in manifest order.</summary>
    public IReadOnlyList<LayerEvidence> Layers { get; init; } = [];

    /// <summary>Layer-analysis results; null when not analysed (findings that need them say "unknown").</summary>
    public ImageAnalysis? Analysis { get; init; }

    /// <summary>Runtime files of the merged filesystem; null when not analysed.</summary>
    public RuntimeFiles? Files { get; init; }

    /// <summary>Tags pushed to the repository per month (average over the observation window).</summary>
    public decimal TagsPushedPerMonth { get; init; }

    /// <summary>Expected pulls per month of this image, with where the number came from.</summary>
    public PullEstimate Pulls { get; init; } = PullEstimate.None;

    /// <summary>Bytes that deleting this manifest alone would free; null when sharing was not computed.</summary>
    public long? ExclusiveBytes { get; init; }

    public ReferrerEvidence Referrers { get; init; } = ReferrerEvidence.None;

    /// <summary>BuildKit cache exports present in the same repository.</summary>
    public int BuildCacheArtifacts { get; init; }

    /// <summary>Tags of the repository that retention keeps; each carries its own copy of rebuilt layers.</summary>
    public int RetainedTagCount { get; init; } = 1;

    /// <summary>Config plus layer sizes (the product's image bytes of an image manifest).</summary>
    public long ImageBytes => ConfigSizeBytes + LayerBytes;

    /// <summary>Sum of layer sizes: the cold pull bytes.</summary>
    public long LayerBytes => Layers.Sum(layer => layer.SizeBytes);

    /// <summary>True for runnable images (image manifests and indexes of them).</summary>
    public bool IsRunnable => Kind is ManifestKind.Image or ManifestKind.Index;
}
