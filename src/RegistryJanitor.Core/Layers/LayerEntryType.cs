namespace RegistryJanitor.Core.Layers;

/// <summary>What a layer tar entry is, after whiteout markers have been recognised.</summary>
public enum LayerEntryType : byte
{
    /// <summary>A regular file: the only type whose size counts as content bytes.</summary>
    File = 0,

    Directory = 1,

    Symlink = 2,

    Hardlink = 3,

    /// <summary>Character or block device, FIFO, or another special file.</summary>
    Other = 4,

    /// <summary>A <c>.wh.NAME</c> marker: its path is the deleted NAME, not the marker.</summary>
    Whiteout = 5,

    /// <summary>A <c>.wh..wh..opq</c> marker: its path is the directory whose lower content is hidden.</summary>
    OpaqueWhiteout = 6,
}
