using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Core.Providers;

/// <summary>What a HEAD on a manifest reference tells: the digest it resolves to, its type and size.</summary>
/// <param name="Digest">The <c>Docker-Content-Digest</c> the registry reported.</param>
/// <param name="MediaType">The Content-Type without parameters, when given.</param>
/// <param name="Size">The Content-Length, when given.</param>
public sealed record ManifestHead(Digest Digest, string? MediaType, long? Size);
