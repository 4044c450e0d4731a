using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>A manifest returned by <c>BatchGetImage</c>, already checked against its digest.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="MediaType"><c>imageManifestMediaType</c>.</param>
/// <param name="Manifest">The exact manifest bytes (UTF-8 of <c>imageManifest</c>).</param>
public sealed record EcrImageManifest(Digest Digest, string? MediaType, ReadOnlyMemory<byte> Manifest);
