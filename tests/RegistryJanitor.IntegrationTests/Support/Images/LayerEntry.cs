namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>One tar entry of a test layer, as the test wrote it.</summary>
/// <param name="Kind">What the entry is.</param>
/// <param name="Path">The tar name: relative, forward slashes, directories end with <c>/</c>.</param>
/// <param name="Content">File content (empty for every other kind).</param>
/// <param name="LinkTarget">Target of a symlink or hardlink.</param>
/// <param name="Mode">Unix permission bits.</param>
/// <param name="Uid">Owner user id.</param>
/// <param name="Gid">Owner group id.</param>
public sealed record LayerEntry(
    LayerEntryKind Kind,
    string Path,
    ReadOnlyMemory<byte> Content,
    string? LinkTarget,
    UnixFileMode Mode,
    int Uid,
    int Gid)
{
    /// <summary>The bytes a regular file occupies (0 for every other kind).</summary>
    public long Size => Content.Length;
}
