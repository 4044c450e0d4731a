namespace RegistryJanitor.Registries.Layers;

/// <summary>
/// Sits between the decompressor and the tar reader: counts uncompressed bytes, enforces the size and ratio
/// caps, and turns decompressor failures into typed rejections.
/// </summary>
/// <remarks>
/// Reads pass straight through into the tar reader's own buffer: an intermediate buffer would cost one more
/// copy of every uncompressed byte, and the decompressor is as fast filling 4 KiB as filling 256 KiB.
/// </remarks>
internal sealed class DecompressedReadStream : Stream
{
    private readonly Stream decompressor;
    private readonly BlobReadStream blob;
    private readonly LayerReaderOptions options;
    private readonly long expectedSize;
    private readonly CancellationToken cancellationToken;

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
        if (cancellationToken.IsCancellationRequested)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        int read;
        try
        {
            read = decompressor.Read(destination);
        }
        catch (Exception exception) when (exception is InvalidDataException or EndOfStreamException
            or IOException or ZstdSharp.ZstdException)
        {
            throw Classify(exception);
        }

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

        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads to the end of the decompressed stream (tar padding), still under the caps.</summary>
    public void DrainToEnd()
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (Read(scratch) > 0)
        {
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

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
}
