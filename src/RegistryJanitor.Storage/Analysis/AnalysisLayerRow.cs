namespace RegistryJanitor.Storage.Analysis;

/// <summary>One layer of one present image manifest, as the candidate query returns it.</summary>
public sealed class AnalysisLayerRow
{
    public long ManifestId { get; init; }

    public string ManifestDigest { get; init; } = string.Empty;

    /// <summary>Config plus layer descriptor bytes of the manifest.</summary>
    public long ImageBytes { get; init; }

    /// <summary>A repository of the registry that holds the manifest, to download its blobs from.</summary>
    public string Repository { get; init; } = string.Empty;

    public int Position { get; init; }

    public long BlobId { get; init; }

    public string BlobDigest { get; init; } = string.Empty;

    public long BlobSize { get; init; }

    public string MediaType { get; init; } = string.Empty;

    /// <summary>
    /// The stored layer status (<c>analysed</c>, <c>rejected</c>, <c>skipped</c>) or null when unread.
    /// </summary>
    public string? LayerStatus { get; init; }

    /// <summary>True when the manifest already has an image analysis.</summary>
    public bool ImageAnalysed { get; init; }
}
