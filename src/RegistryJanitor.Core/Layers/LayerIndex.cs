namespace RegistryJanitor.Core.Layers;

/// <summary>What one layer blob holds: its entries in tar order and the few small files the analysis reads.</summary>
/// <remarks>
/// Captured files are package databases only (see <see cref="Packages.PackageDatabaseFiles"/>), capped per file and per
/// layer; when a cap is hit the file is left out and <see cref="SkippedCaptures"/> says how many were, so package
/// attribution for that layer is known to be incomplete rather than silently partial.
/// </remarks>
public sealed class LayerIndex
{
    public LayerIndex(
        IReadOnlyList<LayerEntry> entries,
        long tarBytes,
        IReadOnlyDictionary<string, byte[]> capturedFiles,
        int skippedCaptures)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(capturedFiles);
        Entries = entries;
        TarBytes = tarBytes;
        CapturedFiles = capturedFiles;
        SkippedCaptures = skippedCaptures;
        foreach (var entry in entries)
        {
            if (entry.Type == LayerEntryType.File)
            {
                FileCount++;
                FileBytes += entry.Size;
            }
        }
    }

    /// <summary>Entries in the order the tar holds them (order matters for duplicates within a layer).</summary>
    public IReadOnlyList<LayerEntry> Entries { get; }

    /// <summary>Bytes of the uncompressed tar stream (what <c>diff_id</c> hashes).</summary>
    public long TarBytes { get; }

    /// <summary>Regular files in the layer.</summary>
    public int FileCount { get; }

    /// <summary>Sum of regular file sizes in the layer.</summary>
    public long FileBytes { get; }

    /// <summary>Package database files by normalised path, content capped.</summary>
    public IReadOnlyDictionary<string, byte[]> CapturedFiles { get; }

    /// <summary>Package database files left out because a capture cap was reached.</summary>
    public int SkippedCaptures { get; }
}
