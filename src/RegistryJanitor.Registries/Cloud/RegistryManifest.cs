using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>A manifest read through a registry's <c>/v2</c> API and verified against its digest.</summary>
/// <param name="Digest">The verified digest of <paramref name="Content"/>.</param>
/// <param name="MediaType">The <c>Content-Type</c> without parameters.</param>
/// <param name="Content">The exact bytes as served.</param>
public sealed record RegistryManifest(Digest Digest, string? MediaType, ReadOnlyMemory<byte> Content);
