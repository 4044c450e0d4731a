using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;

namespace RegistryJanitor.Demo;

/// <summary>
/// A gzip-compressed tar layer built in memory from <see cref="DemoFile"/> entries, with its blob digest and the
/// digest of the uncompressed tar (the config's diff id). Timestamps are fixed, so the same entries always give
/// the same digest and a rebuilt base layer is shared, not duplicated.
/// </summary>
internal sealed class DemoLayer
{
    private static readonly DateTimeOffset FixedTime = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private DemoLayer(byte[] blob, string diffId, int fileCount, long uncompressedBytes)
    {
        Blob = blob;
        Digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(blob));
        DiffId = diffId;
        FileCount = fileCount;
        UncompressedBytes = uncompressedBytes;
    }

    public byte[] Blob { get; }

    public string Digest { get; }

    public string DiffId { get; }

    public int FileCount { get; }

    public long UncompressedBytes { get; }

    public static DemoLayer Build(IEnumerable<DemoFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var tar = new MemoryStream();
        var count = 0;
        using (var writer = new TarWriter(tar, TarEntryFormat.Gnu, leaveOpen: true))
        {
            // Sorted and de-duplicated by path: the last definition of a path wins, as in a Dockerfile step.
            var byPath = new SortedDictionary<string, DemoFile>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                byPath[file.Path.TrimStart('/')] = file;
            }

            foreach (var file in byPath.Values)
            {
                writer.WriteEntry(ToEntry(file));
                count++;
            }
        }

        var uncompressed = tar.ToArray();
        using var gzip = new MemoryStream();
        using (var compressor = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true))
        {
            compressor.Write(uncompressed);
        }

        var diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(uncompressed));
        return new DemoLayer(gzip.ToArray(), diffId, count, uncompressed.Length);
    }

    private static GnuTarEntry ToEntry(DemoFile file)
    {
        var name = file.Kind == TarEntryType.Directory ? file.Path.TrimStart('/') + "/" : file.Path.TrimStart('/');
        var entry = new GnuTarEntry(file.Kind, name)
        {
            ModificationTime = FixedTime,
            AccessTime = FixedTime,
            ChangeTime = FixedTime,
            Mode = file.Mode,
            Uid = 0,
            Gid = 0,
        };
        if (file.Kind == TarEntryType.SymbolicLink)
        {
            entry.LinkName = file.LinkTarget ?? string.Empty;
        }
        else if (file.Kind == TarEntryType.RegularFile)
        {
            entry.DataStream = new MemoryStream(file.Content.ToArray(), writable: false);
        }

        return entry;
    }
}
