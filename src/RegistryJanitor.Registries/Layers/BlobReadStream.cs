using System.Buffers;
using System.Security.Cryptography;

namespace RegistryJanitor.Registries.Layers;

/// <summary>
/// Reads a blob in large chunks, hashing every chunk once as it arrives, and refuses to read past the
/// descriptor size.
/// </summary>
/// <remarks>
/// Hashing whole chunks rather than the decompressor's small reads keeps the digest check to one pass over the
/// compressed bytes. The chunk buffer also lets the reader peek at the magic bytes without a second stream.
/// </remarks>
internal sealed class BlobReadStream : Stream
{
    private const int ChunkSize = 1024 * 1024;

    private readonly Stream source;
    private readonly IncrementalHash hash;
    private readonly long expectedSize;
    private readonly CancellationToken cancellationToken;
    private byte[]? buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int position;
    private int length;

    public BlobReadStream(Stream source, IncrementalHash hash, long expectedSize, CancellationToken cancellationToken)
    {
        this.source = source;
        this.hash = hash;
        this.expectedSize = expectedSize;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>Bytes received from the source (and hashed) so far.</summary>
    public long Received { get; private set; }

    /// <summary>True once the source has reported its end.</summary>
    public bool SourceEnded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The first bytes of the blob, without consuming them.</summary>
    public ReadOnlySpan<byte> Peek(int count)
    {
        while (length - position < count && !SourceEnded)
        {
            Fill(compact: true);
        }

        return Buffer().AsSpan(position, Math.Min(count, length - position));
    }

    public override int Read(Span<byte> destination)
    {
        if (position == length)
        {
            position = length = 0;
            Fill(compact: false);
            if (length == 0)
            {
                return 0;
            }
        }

        var count = Math.Min(destination.Length, length - position);
        Buffer().AsSpan(position, count).CopyTo(destination);
        position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <summary>Reads whatever the source still holds, so the digest covers the whole blob.</summary>
    public void DrainToEnd()
    {
        while (!SourceEnded)
        {
            position = length = 0;
            Fill(compact: false);
        }

        position = length = 0;
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

    private void Fill(bool compact)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var chunk = Buffer();
        if (compact && position > 0)
        {
            chunk.AsSpan(position, length - position).CopyTo(chunk);
            length -= position;
            position = 0;
        }

        // Ask for one byte more than the descriptor allows, to notice an over-long blob without reading it all.
        var space = chunk.Length - length;
        if (space == 0)
        {
            return;
        }

        var read = source.Read(chunk, length, (int)Math.Min(space, expectedSize + 1 - Received));
        if (read == 0)
        {
            SourceEnded = true;
            return;
        }

        Received += read;
        if (Received > expectedSize)
        {
            throw new LayerRejectedException(
                LayerRejectionReason.WrongDigest,
                $"The blob is longer than its descriptor size of {expectedSize} bytes.");
        }

        hash.AppendData(chunk, length, read);
        length += read;
    }

    private byte[] Buffer() => buffer ?? throw new ObjectDisposedException(nameof(BlobReadStream));
}
