namespace RegistryJanitor.Core.Layers;

/// <summary>The merged filesystem of an image and what the merge hid.</summary>
public sealed class OverlayResult
{
    public OverlayResult(
        IReadOnlyDictionary<string, VisibleFile> visibleFiles,
        long hiddenBytes,
        int hiddenFileCount,
        IReadOnlyList<HiddenCopy> largestHidden)
    {
        VisibleFiles = visibleFiles;
        HiddenBytes = hiddenBytes;
        HiddenFileCount = hiddenFileCount;
        LargestHidden = largestHidden;
    }

    /// <summary>Regular files of the final filesystem by path.</summary>
    public IReadOnlyDictionary<string, VisibleFile> VisibleFiles { get; }

    /// <summary>Bytes of lower-layer file copies deleted, emptied or replaced later (product definition).</summary>
    public long HiddenBytes { get; }

    /// <summary>Number of such copies.</summary>
    public int HiddenFileCount { get; }

    /// <summary>The largest hidden copies, largest first, as evidence.</summary>
    public IReadOnlyList<HiddenCopy> LargestHidden { get; }
}
