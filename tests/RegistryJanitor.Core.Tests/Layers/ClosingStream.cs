namespace RegistryJanitor.Core.Tests.Layers;

/// <summary>A read-only memory stream that reports its disposal once, to count the blobs open at a time.</summary>
internal sealed class ClosingStream(byte[] content, Action closed) : MemoryStream(content, writable: false)
{
    private int disposed;

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref disposed, 1) == 0)
        {
            closed();
        }

        base.Dispose(disposing);
    }
}
