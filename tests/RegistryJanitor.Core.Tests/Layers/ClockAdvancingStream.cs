using Microsoft.Extensions.Time.Testing;

namespace RegistryJanitor.Core.Tests.Layers;

/// <summary>A source that moves a fake clock on every read, standing in for a registry that trickles bytes.</summary>
internal sealed class ClockAdvancingStream(byte[] content, FakeTimeProvider time, TimeSpan perRead)
    : MemoryStream(content)
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        time.Advance(perRead);
        return base.Read(buffer, offset, Math.Min(count, 4096));
    }

    public override int Read(Span<byte> buffer)
    {
        time.Advance(perRead);
        return base.Read(buffer[..Math.Min(buffer.Length, 4096)]);
    }
}
