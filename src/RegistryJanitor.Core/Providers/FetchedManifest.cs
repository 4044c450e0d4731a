using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Core.Providers;

/// <summary>A manifest body exactly as served, already verified against its digest and the size cap.</summary>
/// <param name="Digest">The digest of <paramref name="Body"/>.</param>
/// <param name="MediaType">The Content-Type without parameters, when given.</param>
/// <param name="Body">The exact bytes; never re-serialized.</param>
public sealed record FetchedManifest(Digest Digest, string? MediaType, ReadOnlyMemory<byte> Body);
