using RegistryJanitor.Core.Layers.Packages;

namespace RegistryJanitor.Core.Layers;

/// <summary>Everything the layer analysis says about one image manifest.</summary>
public sealed record ImageAnalysis
{
    /// <summary>Sum of the layers' uncompressed tar sizes.</summary>
    public required long UncompressedBytes { get; init; }

    /// <summary>Regular-file bytes of the final filesystem.</summary>
    public required long VisibleBytes { get; init; }

    public required int VisibleFileCount { get; init; }

    /// <summary>Bytes of lower-layer copies deleted, emptied or replaced later (product definition).</summary>
    public required long HiddenBytes { get; init; }

    public required int HiddenFileCount { get; init; }

    public required IReadOnlyList<HiddenCopy> LargestHidden { get; init; }

    /// <summary>dive's efficiency score, 0 to 1, as dive defines it.</summary>
    public required double DiveEfficiency { get; init; }

    /// <summary>Dead-weight categories present in the final filesystem, largest first.</summary>
    public required IReadOnlyList<CategoryTotal> Categories { get; init; }

    /// <summary>Secret-like files in any layer, visible or not.</summary>
    public required IReadOnlyList<SecretFinding> Secrets { get; init; }

    /// <summary>Installed packages and the visible bytes they own, largest first.</summary>
    public required IReadOnlyList<PackageUsage> Packages { get; init; }
}
