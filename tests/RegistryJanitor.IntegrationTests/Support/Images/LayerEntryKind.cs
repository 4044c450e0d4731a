namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>What a layer entry is, including the overlay markers a layer can carry.</summary>
public enum LayerEntryKind
{
    File,
    Directory,
    Symlink,
    Hardlink,

    /// <summary>An empty <c>.wh.NAME</c> file that deletes NAME from lower layers.</summary>
    Whiteout,

    /// <summary>An empty <c>.wh..wh..opq</c> file that hides what lower layers put in its directory.</summary>
    OpaqueWhiteout,
}
