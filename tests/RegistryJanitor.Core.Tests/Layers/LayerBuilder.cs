using System.Formats.Tar;
using System.IO.Compression;

namespace RegistryJanitor.Core.Tests.Layers;

/// <summary>Writes a layer tar in memory and remembers what it wrote, so tests compute expectations from it.</summary>
internal sealed class LayerBuilder
{
    private readonly List<(string Name, TarEntryType Type, byte[]? Content)> items = [];

    /// <summary>Regular files written, by the name given, with their sizes.</summary>
    public Dictionary<string, long> Files { get; } = new(StringComparer.Ordinal);

    public LayerBuilder File(string name, byte[] content)
    {
        items.Add((name, TarEntryType.RegularFile, content));
        Files[(name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name).TrimStart('/')] = content.Length;
        return this;
    }

    /// <summary>A file of <paramref name="size"/> semi-compressible bytes derived from its name.</summary>
    public LayerBuilder File(string name, int size) => File(name, Content(name, size));

    public LayerBuilder Text(string name, string content) => File(name, System.Text.Encoding.UTF8.GetBytes(content));

    public LayerBuilder Directory(string name)
    {
        items.Add((name, TarEntryType.Directory, null));
        return this;
    }

    public LayerBuilder Symlink(string name)
    {
        items.Add((name, TarEntryType.SymbolicLink, null));
        return this;
    }

    /// <summary>A <c>.wh.</c> marker deleting <paramref name="path"/> from lower layers.</summary>
    public LayerBuilder Whiteout(string path)
    {
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? ".wh." + path : path[..(slash + 1)] + ".wh." + path[(slash + 1)..];
        items.Add((name, TarEntryType.RegularFile, []));
        return this;
    }

    /// <summary>A <c>.wh..wh..opq</c> marker in <paramref name="directory"/>.</summary>
    public LayerBuilder Opaque(string directory)
    {
        items.Add((directory + "/.wh..wh..opq", TarEntryType.RegularFile, []));
        return this;
    }

    public byte[] ToTar()
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var (name, type, content) in items)
            {
                var entry = new PaxTarEntry(type, name) { Mode = (UnixFileMode)Convert.ToInt32("644", 8) };
                if (type == TarEntryType.SymbolicLink)
                {
                    entry.LinkName = "target";
                }

                if (content is not null)
                {
                    entry.DataStream = new MemoryStream(content);
                }

                writer.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    public static byte[] Gzip(byte[] tar)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(tar);
        }

        return output.ToArray();
    }

    public static byte[] Zstd(byte[] tar)
    {
        using var compressor = new ZstdSharp.Compressor(3);
        return compressor.Wrap(tar).ToArray();
    }

    /// <summary>Bytes that compress about 3:1, like typical binaries and text.</summary>
    public static byte[] Content(string seed, int size)
    {
        var random = new Random(seed.Aggregate(17, (hash, c) => unchecked((hash * 31) + c)) & 0x7FFFFFFF);
        var content = new byte[size];
        for (var i = 0; i < size; i++)
        {
            content[i] = (byte)(i % 3 == 0 ? random.Next(256) : 'a' + (i % 7));
        }

        return content;
    }
}
