using System.Formats.Tar;
using System.Text;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Describes the entries of one layer, in tar order. Paths may be written with or without a leading
/// <c>/</c>; they are stored relative, as image layers hold them. Parent directories are not added
/// implicitly: a test that wants them says <see cref="Directory"/>, so the file count it expects is exactly
/// what it wrote. <see cref="Raw"/> bypasses every normalisation, for hostile names.
/// </summary>
public sealed class LayerBuilder
{
    private const UnixFileMode FileMode = (UnixFileMode)0b110_100_100;
    private const UnixFileMode DirectoryMode = (UnixFileMode)0b111_101_101;
    private const UnixFileMode LinkMode = (UnixFileMode)0b111_111_111;

    private readonly List<LayerEntry> entries = [];
    private TarEntryFormat format = TarEntryFormat.Pax;

    /// <summary>The tar header format (PAX unless told otherwise; GNU and USTAR are accepted).</summary>
    public LayerBuilder Format(TarEntryFormat tarFormat)
    {
        format = tarFormat;
        return this;
    }

    /// <summary>A regular file with the given bytes.</summary>
    public LayerBuilder File(string path, ReadOnlyMemory<byte> content, UnixFileMode mode = FileMode, int uid = 0,
        int gid = 0)
    {
        entries.Add(new LayerEntry(LayerEntryKind.File, Relative(path), content, null, mode, uid, gid));
        return this;
    }

    /// <summary>A regular file holding the UTF-8 bytes of a text.</summary>
    public LayerBuilder File(string path, string text, UnixFileMode mode = FileMode)
    {
        return File(path, Encoding.UTF8.GetBytes(text), mode);
    }

    /// <summary>A regular file of exactly <paramref name="size"/> generated, half-compressible bytes.</summary>
    /// <param name="path">Where the file goes.</param>
    /// <param name="size">Its size in bytes.</param>
    /// <param name="seed">Different seeds give different content, so two files do not deduplicate.</param>
    public LayerBuilder FileOfSize(string path, int size, int seed = 0)
    {
        var content = new byte[size];
        SyntheticContent.Fill(content, seed, 0);
        return File(path, content);
    }

    /// <summary>A directory entry.</summary>
    public LayerBuilder Directory(string path, UnixFileMode mode = DirectoryMode)
    {
        entries.Add(new LayerEntry(
            LayerEntryKind.Directory, DirectoryName(path), ReadOnlyMemory<byte>.Empty, null, mode, 0, 0));
        return this;
    }

    /// <summary>A symbolic link at <paramref name="path"/> to <paramref name="target"/> (kept verbatim).</summary>
    public LayerBuilder Symlink(string path, string target)
    {
        entries.Add(new LayerEntry(
            LayerEntryKind.Symlink, Relative(path), ReadOnlyMemory<byte>.Empty, target, LinkMode, 0, 0));
        return this;
    }

    /// <summary>A hard link at <paramref name="path"/> to an earlier entry of the same layer.</summary>
    public LayerBuilder Hardlink(string path, string target)
    {
        entries.Add(new LayerEntry(
            LayerEntryKind.Hardlink, Relative(path), ReadOnlyMemory<byte>.Empty, Relative(target), FileMode, 0, 0));
        return this;
    }

    /// <summary>Deletes <paramref name="path"/> from lower layers: an empty <c>.wh.NAME</c> file beside it.</summary>
    public LayerBuilder Whiteout(string path)
    {
        var relative = Relative(path).TrimEnd('/');
        var slash = relative.LastIndexOf('/');
        var whiteout = slash < 0
            ? ".wh." + relative
            : relative[..(slash + 1)] + ".wh." + relative[(slash + 1)..];
        entries.Add(new LayerEntry(
            LayerEntryKind.Whiteout, whiteout, ReadOnlyMemory<byte>.Empty, null, FileMode, 0, 0));
        return this;
    }

    /// <summary>
    /// Makes <paramref name="path"/> opaque: a directory entry followed by <c>.wh..wh..opq</c>, hiding what
    /// lower layers put there. Files added after this call in the same layer stay visible.
    /// </summary>
    public LayerBuilder OpaqueDirectory(string path)
    {
        Directory(path);
        entries.Add(new LayerEntry(
            LayerEntryKind.OpaqueWhiteout,
            DirectoryName(path) + ".wh..wh..opq",
            ReadOnlyMemory<byte>.Empty,
            null,
            FileMode,
            0,
            0));
        return this;
    }

    /// <summary>An entry written exactly as given: no path normalisation (path traversal, absurd names).</summary>
    public LayerBuilder Raw(LayerEntry entry)
    {
        entries.Add(entry);
        return this;
    }

    /// <summary>Writes the tar and returns the layer, ready to push into any number of images.</summary>
    public TestLayer Build()
    {
        return new TestLayer([.. entries], TarLayerWriter.ToTar(entries, format));
    }

    private static string Relative(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path.TrimStart('/');
    }

    private static string DirectoryName(string path)
    {
        return Relative(path).TrimEnd('/') + "/";
    }
}
