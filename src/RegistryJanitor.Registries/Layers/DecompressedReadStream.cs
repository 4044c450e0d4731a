using System.Buffers;

namespace RegistryJanitor.Registries.Layers;

/// <summary>
/// Sits between the decompressor and the tar reader: reads in large chunks, counts uncompressed bytes and
/// enforces the size and ratio caps, and turns decompressor failures into typed rejections.
/// </summary>
internal sealed class DecompressedReadStream : Stream
{
    private const int ChunkSize = 256 * 1024;

    private readonly Stream decompressor;
    private readonly BlobReadStream blob;
    private readonly LayerReaderOptions options;
    private readonly long expectedSize;
    private readonly CancellationToken cancellationToken;
    private byte[]? buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int position;
    private int length;

    public DecompressedReadStream(
        Stream decompressor,
        BlobReadStream blob,
        LayerReaderOptions options,
        long expectedSize,
        CancellationToken cancellationToken)
    {
        this.decompressor = decompressor;
        this.blob = blob;
        this.options = options;
        this.expectedSize = expectedSize;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Uncompressed bytes produced so far.</summary>
    public long Produced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(Span<byte> destination)
    {
        if (position == length && !Fill())
        {
            return 0;
        }

        var count = Math.Min(destination.Length, length - position);
        Buffer().AsSpan(position, count).CopyTo(destination);
        position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads to the end of the decompressed stream (tar padding), still under the caps.</summary>
    public void DrainToEnd()
    {
        while (Fill())
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = null;
        }

        base.Dispose(disposing);
    }

    private bool Fill()
    {
        cancellationToken.ThrowIfCancellationRequested();
        position = length = 0;
        int read;
        try
        {
            read = decompressor.Read(Buffer(), 0, ChunkSize);
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException
            or IOException or ZstdSharp.ZstdException)
        {
            throw Classify(exception);
        }

        if (read == 0)
        {
            return false;
        }

        length = read;
        Produced += read;
        if (Produced > options.MaxUncompressedBytes)
        {
            throw new LayerRejectedException(LayerRejectionReason.TooLarge,
                $"The layer decompresses to more than {options.MaxUncompressedBytes} bytes.");
        }

        if (Produced > options.RatioCheckFloorBytes && Produced > blob.Received * options.MaxCompressionRatio)
        {
            throw new LayerRejectedException(LayerRejectionReason.CompressionRatio,
                $"The layer decompressed beyond {options.MaxCompressionRatio} times its compressed size.");
        }

        return true;
    }

    private LayerRejectedException Classify(Exception exception)
    {
        if (exception is LayerRejectedException rejected)
        {
            return rejected;
        }

        return blob.SourceEnded && blob.Received < expectedSize
            ? new LayerRejectedException(LayerRejectionReason.TruncatedBlob,
                $"The blob ended after {blob.Received} of {expectedSize} bytes.", exception)
            : new LayerRejectedException(LayerRejectionReason.CorruptCompression,
                "The compressed stream is corrupt: " + exception.Message, exception);
    }

    private byte[] Buffer() => buffer ?? throw new ObjectDisposedException(nameof(DecompressedReadStream));
}
