namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>A layer tar after compression: the bytes pushed as a blob and their digest.</summary>
public sealed record LayerBlob(LayerCompression Compression, ReadOnlyMemory<byte> Content, string Digest)
{
    /// <summary>The compressed size, as a descriptor states it.</summary>
    public long Size => Content.Length;
}
