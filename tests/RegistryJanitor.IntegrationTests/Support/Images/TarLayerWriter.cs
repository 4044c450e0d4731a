using System.Formats.Tar;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Writes layer entries as a tar stream. Every entry gets the same fixed modification time, so identical
/// content always gives an identical tar, diff_id and blob digest, run after run.
/// </summary>
public static class TarLayerWriter
{
    /// <summary>The modification time of every entry: 2020-01-01T00:00:00Z.</summary>
    public static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the entries in order to a tar in memory.</summary>
    public static byte[] ToTar(IEnumerable<LayerEntry> entries, TarEntryFormat format)
    {
        using var output = new MemoryStream();
        using (var writer = new TarWriter(output, format, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                Write(writer, entry, format);
            }
        }

        return output.ToArray();
    }

    /// <summary>Writes one entry.</summary>
    public static void Write(TarWriter writer, LayerEntry entry, TarEntryFormat format)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);

        var type = entry.Kind switch
        {
            LayerEntryKind.Directory => TarEntryType.Directory,
            LayerEntryKind.Symlink => TarEntryType.SymbolicLink,
            LayerEntryKind.Hardlink => TarEntryType.HardLink,
            _ => TarEntryType.RegularFile,
        };
        if (format == TarEntryFormat.V7 && type == TarEntryType.RegularFile)
        {
            type = TarEntryType.V7RegularFile;
        }

        var tarEntry = Create(format, type, entry.Path);
        tarEntry.ModificationTime = Epoch;
        tarEntry.Mode = entry.Mode;
        tarEntry.Uid = entry.Uid;
        tarEntry.Gid = entry.Gid;
        if (entry.LinkTarget is not null)
        {
            tarEntry.LinkName = entry.LinkTarget;
        }

        using var content = type is TarEntryType.RegularFile or TarEntryType.V7RegularFile
            ? new MemoryStream(entry.Content.ToArray())
            : null;
        if (content is not null)
        {
            tarEntry.DataStream = content;
        }

        writer.WriteEntry(tarEntry);
    }

    /// <summary>An empty entry of the requested format, ready for its fields and data.</summary>
    public static TarEntry Create(TarEntryFormat format, TarEntryType type, string path)
    {
        TarEntry tarEntry = format switch
        {
            TarEntryFormat.Gnu => new GnuTarEntry(type, path)
            {
                AccessTime = Epoch,
                ChangeTime = Epoch,
            },
            TarEntryFormat.Ustar => new UstarTarEntry(type, path),
            TarEntryFormat.V7 => new V7TarEntry(type, path),
            _ => new PaxTarEntry(type, path),
        };
        tarEntry.ModificationTime = Epoch;
        return tarEntry;
    }
}
