using System.Formats.Tar;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Layers.Packages;

namespace RegistryJanitor.Registries.Layers;

/// <summary>Turns tar entries into index entries, keeping package databases and sniffing secret candidates.</summary>
internal sealed class LayerEntryWalker
{
    private const int DiscardBlockBytes = 256 * 1024;

    private readonly LayerReaderOptions options;
    private readonly CancellationToken cancellationToken;
    private readonly List<LayerEntry> entries = [];
    private readonly Dictionary<string, byte[]> captured = new(StringComparer.Ordinal);
    private readonly byte[] prefix = new byte[SecretSniffer.PrefixBytes];
    private readonly byte[] discard = new byte[DiscardBlockBytes];
    private long capturedBytes;
    private int skippedCaptures;

    public LayerEntryWalker(LayerReaderOptions options, CancellationToken cancellationToken)
    {
        this.options = options;
        this.cancellationToken = cancellationToken;
    }

    public void Walk(TarReader tar)
    {
        var count = 0;
        while (tar.GetNextEntry(copyData: false) is { } tarEntry)
        {
            if (++count > options.MaxEntries)
            {
                throw new LayerRejectedException(LayerRejectionReason.TooManyEntries,
                    $"The layer holds more than {options.MaxEntries} entries.");
            }

            if ((count & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var type = Map(tarEntry.EntryType);
            if (type is null)
            {
                continue;
            }

            var status = LayerPath.TryCreateEntry(
                tarEntry.Name, type.Value, tarEntry.Length, (int)tarEntry.Mode, options.MaxPathLength, out var entry);
            switch (status)
            {
                case LayerPathStatus.Valid:
                    entries.Add(entry.Type == LayerEntryType.File ? Inspect(entry, tarEntry.DataStream) : entry);
                    Discard(tarEntry.DataStream);
                    break;
                case LayerPathStatus.Traversal:
                    throw Rejected(
                        LayerRejectionReason.PathTraversal, "an entry name climbs out of the root", tarEntry);
                case LayerPathStatus.TooLong:
                    throw new LayerRejectedException(LayerRejectionReason.PathTooLong,
                        $"An entry name is {tarEntry.Name.Length} characters long, over {options.MaxPathLength}.");
                case LayerPathStatus.Invalid:
                    throw Rejected(LayerRejectionReason.InvalidName, "an entry name is invalid", tarEntry);
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Reads past the rest of an entry's data in large blocks. Left to itself the tar reader skips unread data
    /// 4 KiB at a time, and the decompressor is markedly faster filling a large buffer than many small ones.
    /// </summary>
    private void Discard(Stream? data)
    {
        if (data is null)
        {
            return;
        }

        while (data.Read(discard) > 0)
        {
        }
    }

    public LayerIndex ToIndex(long tarBytes) => new(entries, tarBytes, captured, skippedCaptures);

    private LayerEntry Inspect(LayerEntry entry, Stream? data)
    {
        if (data is null || entry.Size == 0)
        {
            return entry;
        }

        if (PackageDatabaseFiles.ShouldCapture(entry.Path))
        {
            if (entry.Size > PackageDatabaseFiles.MaxFileBytes
                || capturedBytes + entry.Size > PackageDatabaseFiles.MaxLayerBytes)
            {
                skippedCaptures++;
                return entry;
            }

            var content = new byte[entry.Size];
            data.ReadExactly(content);
            capturedBytes += content.Length;
            captured[entry.Path] = content;
            return entry;
        }

        if (!SecretSniffer.IsCandidate(entry.Path, entry.Size))
        {
            return entry;
        }

        var length = (int)Math.Min(entry.Size, prefix.Length);
        data.ReadExactly(prefix, 0, length);
        var kind = SecretSniffer.Inspect(entry.Path, prefix.AsSpan(0, length));
        prefix.AsSpan(0, length).Clear();
        return entry with { Secret = kind };
    }

    private static LayerEntryType? Map(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => LayerEntryType.File,
        TarEntryType.Directory => LayerEntryType.Directory,
        TarEntryType.SymbolicLink => LayerEntryType.Symlink,
        TarEntryType.HardLink => LayerEntryType.Hardlink,
        TarEntryType.CharacterDevice or TarEntryType.BlockDevice or TarEntryType.Fifo => LayerEntryType.Other,
        _ => null,
    };

    private static LayerRejectedException Rejected(LayerRejectionReason reason, string what, TarEntry entry)
    {
        // The name is hostile input: show a bounded, printable excerpt only.
        var excerpt = new string(entry.Name.Take(120).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return new LayerRejectedException(reason, $"The layer was refused: {what} ('{excerpt}').");
    }
}
