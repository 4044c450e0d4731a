using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Layers;

/// <summary>One layer blob to read: what its descriptor says, and how to open its bytes.</summary>
/// <param name="Digest">The descriptor digest the blob must hash to.</param>
/// <param name="Size">The descriptor size in bytes.</param>
/// <param name="MediaType">The descriptor media type, or null when unknown.</param>
/// <param name="OpenAsync">Opens the blob as a stream (a registry response body, a file); called once.</param>
public sealed record LayerSource(
    Digest Digest,
    long Size,
    string? MediaType,
    Func<CancellationToken, Task<Stream>> OpenAsync);
