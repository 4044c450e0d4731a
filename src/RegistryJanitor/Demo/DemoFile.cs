using System.Formats.Tar;

namespace RegistryJanitor.Demo;

/// <summary>One entry of a demo layer: a file, folder, symbolic link or whiteout, at an absolute-free path.</summary>
/// <param name="Path">Path inside the image without a leading slash, e.g. <c>usr/bin/make</c>.</param>
/// <param name="Kind">Regular file, directory or symbolic link.</param>
/// <param name="Content">File bytes; empty for folders, links and whiteouts.</param>
/// <param name="LinkTarget">Target of a symbolic link.</param>
/// <param name="Mode">Unix permissions.</param>
internal sealed record DemoFile(
    string Path, TarEntryType Kind, ReadOnlyMemory<byte> Content, string? LinkTarget, UnixFileMode Mode)
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead
        | UnixFileMode.OtherRead;

    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute
        | UnixFileMode.OtherExecute;

    /// <summary>A regular file with mode 0644.</summary>
    public static DemoFile Text(string path, string content) =>
        new(path, TarEntryType.RegularFile, System.Text.Encoding.UTF8.GetBytes(content), null, FileMode);

    /// <summary>A regular file with the given bytes and mode 0644.</summary>
    public static DemoFile Bytes(string path, ReadOnlyMemory<byte> content) =>
        new(path, TarEntryType.RegularFile, content, null, FileMode);

    /// <summary>A folder with mode 0755.</summary>
    public static DemoFile Folder(string path) => new(path, TarEntryType.Directory, ReadOnlyMemory<byte>.Empty, null,
        FolderMode);

    /// <summary>A whiteout that deletes <paramref name="path"/> of the layers below (<c>.wh.NAME</c>).</summary>
    public static DemoFile Whiteout(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path) ?? string.Empty;
        var name = ".wh." + System.IO.Path.GetFileName(path);
        return Text(folder.Length == 0 ? name : folder + "/" + name, string.Empty);
    }
}
