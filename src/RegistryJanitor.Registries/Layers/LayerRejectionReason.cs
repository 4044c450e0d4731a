namespace RegistryJanitor.Registries.Layers;

/// <summary>Why a layer blob was not analysed. Stored with the layer, so names are stable.</summary>
public enum LayerRejectionReason
{
    /// <summary>The compressed stream is not valid gzip or zstd.</summary>
    CorruptCompression = 1,

    /// <summary>The blob ended before its descriptor size.</summary>
    TruncatedBlob = 2,

    /// <summary>The bytes read do not hash to the requested digest (or exceed its size).</summary>
    WrongDigest = 3,

    /// <summary>More tar entries than <see cref="LayerReaderOptions.MaxEntries"/>.</summary>
    TooManyEntries = 4,

    /// <summary>Decompressed bytes grew beyond <see cref="LayerReaderOptions.MaxCompressionRatio"/>: a bomb.</summary>
    CompressionRatio = 5,

    /// <summary>More uncompressed bytes than <see cref="LayerReaderOptions.MaxUncompressedBytes"/>.</summary>
    TooLarge = 6,

    /// <summary>An entry name with a <c>..</c> component.</summary>
    PathTraversal = 7,

    /// <summary>An entry name longer than <see cref="LayerReaderOptions.MaxPathLength"/>.</summary>
    PathTooLong = 8,

    /// <summary>An entry name with a NUL or a bare <c>.wh.</c> whiteout.</summary>
    InvalidName = 9,

    /// <summary>The decompressed stream is not a valid tar archive.</summary>
    CorruptTar = 10,

    /// <summary>Reading took longer than <see cref="LayerReaderOptions.MaxDuration"/>.</summary>
    TimedOut = 11,
}
