using System.Formats.Tar;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Layers.Packages;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Layers;

/// <summary>
/// Reads a layer blob as it streams in: checks its digest and size, decompresses it, walks its tar entries
/// into a <see cref="LayerIndex"/>, and never writes anything to disk.
/// </summary>
/// <remarks>
/// The digest is computed over the compressed bytes only, chunk by chunk as they arrive; file contents are not
/// hashed. The only file contents read are package databases (capped, see <see cref="PackageDatabaseFiles"/>)
/// and the first <see cref="SecretSniffer.PrefixBytes"/> of the few files whose name suggests a credential;
/// everything else is skipped by the tar reader. A blob whose digest does not match is rejected after the
/// walk, and its index discarded. Tar metadata records (PAX headers, GNU long names) are buffered by
/// <see cref="TarReader"/> itself before a name's length can be checked, so one absurd name costs memory up to
/// the tar reader's own metadata limit (a larger record is refused as too long); the uncompressed-size and ratio
/// caps bound it in any case.
/// </remarks>
public sealed class LayerStreamReader
{
    private readonly LayerReaderOptions options;
    private readonly TimeProvider timeProvider;

    public LayerStreamReader(IOptions<LayerReaderOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.options = options.Value;
        this.timeProvider = timeProvider;
    }

    /// <summary>Reads the blob on a thread of its own; see <see cref="Read"/>.</summary>
    /// <remarks>
    /// A layer takes seconds to minutes of CPU-bound work with blocking reads, so it gets a dedicated thread
    /// rather than a pool thread: several layers read at once then leave the pool free for the awaits of the
    /// HTTP and database code around them.
    /// </remarks>
    public Task<LayerIndex> ReadAsync(
        Stream blob, Digest digest, long size, string? mediaType, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(
            () => Read(blob, digest, size, mediaType, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

    /// <summary>
    /// Reads and indexes one layer blob of descriptor <paramref name="digest"/> and <paramref name="size"/>.
    /// </summary>
    /// <exception cref="LayerRejectedException">The blob is broken, hostile or not the one asked for.</exception>
    public LayerIndex Read(
        Stream blob, Digest digest, long size, string? mediaType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        using var timeout = new CancellationTokenSource(options.MaxDuration, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return ReadChecked(blob, digest, size, mediaType, linked.Token);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LayerRejectedException(LayerRejectionReason.TimedOut,
                $"Reading the layer took longer than {options.MaxDuration}.", exception);
        }
    }

    private LayerIndex ReadChecked(
        Stream source, Digest digest, long size, string? mediaType, CancellationToken cancellationToken)
    {
        using var hash = digest.CreateHasher();
        using var blob = new BlobReadStream(source, hash, size, cancellationToken);
        var compression = LayerCompressionDetector.Detect(blob.Peek(4), mediaType);
        using var decompressor = compression switch
        {
            LayerCompression.Gzip => new GZipStream(blob, CompressionMode.Decompress, leaveOpen: true),
            LayerCompression.Zstd => new ZstdSharp.DecompressionStream(blob, leaveOpen: true),
            _ => (Stream)blob,
        };
        using var decompressed = new DecompressedReadStream(decompressor, blob, options, size, cancellationToken);

        var walker = new LayerEntryWalker(options, cancellationToken);
        try
        {
            using (var tar = new TarReader(decompressed, leaveOpen: true))
            {
                walker.Walk(tar);
            }

            decompressed.DrainToEnd();
            blob.DrainToEnd();
        }
        catch (InvalidOperationException exception)
        {
            // The tar reader's own limit on a metadata record (a PAX header or GNU long name).
            throw new LayerRejectedException(LayerRejectionReason.PathTooLong,
                "A tar metadata record (long name or PAX header) is larger than the tar reader accepts.", exception);
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException
            or FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            // Raised by the tar reader itself: the decompressor's own failures arrive already classified.
            throw blob.SourceEnded && blob.Received < size
                ? new LayerRejectedException(LayerRejectionReason.TruncatedBlob,
                    $"The blob ended after {blob.Received} of {size} bytes.", exception)
                : new LayerRejectedException(LayerRejectionReason.CorruptTar,
                    "The layer is not a valid tar archive: " + exception.Message, exception);
        }

        if (blob.Received < size)
        {
            throw new LayerRejectedException(LayerRejectionReason.TruncatedBlob,
                $"The blob ended after {blob.Received} of {size} bytes.");
        }

        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (!string.Equals(actual, digest.Hex, StringComparison.Ordinal))
        {
            throw new LayerRejectedException(LayerRejectionReason.WrongDigest,
                $"The blob hashes to {digest.Algorithm}:{actual}, not {digest}.");
        }

        return walker.ToIndex(decompressed.Produced);
    }
}
