namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>What every pushed manifest or index reports.</summary>
public interface IPushedManifest
{
    /// <summary>Repository it was pushed to.</summary>
    string Repository { get; }

    /// <summary>The tag it was pushed by, or null when pushed by digest only.</summary>
    string? Tag { get; }

    /// <summary>sha256 of <see cref="Body"/>.</summary>
    string Digest { get; }

    /// <summary>Bytes of <see cref="Body"/>.</summary>
    long Size { get; }

    /// <summary>Manifest media type.</summary>
    string MediaType { get; }

    /// <summary>The exact manifest bytes pushed.</summary>
    ReadOnlyMemory<byte> Body { get; }

    /// <summary>A descriptor of this manifest (for a subject, an index entry or a referrers list).</summary>
    Descriptor Describe(ImagePlatform? platform = null, IReadOnlyDictionary<string, string>? annotations = null);
}
