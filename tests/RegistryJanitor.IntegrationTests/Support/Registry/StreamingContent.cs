using System.Net;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// Request content written by a callback straight onto the connection (chunked), so a blob of any size
/// is produced and uploaded without being held in memory.
/// </summary>
public sealed class StreamingContent(Func<Stream, CancellationToken, Task> write) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        return write(stream, CancellationToken.None);
    }

    protected override Task SerializeToStreamAsync(
        Stream stream,
        TransportContext? context,
        CancellationToken cancellationToken)
    {
        return write(stream, cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
