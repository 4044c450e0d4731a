namespace RegistryJanitor.Core.Sharing;

/// <summary>How widely a blob is shared.</summary>
/// <param name="Digest">The blob digest.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ManifestCount">Distinct manifest digests referencing it directly.</param>
/// <param name="RepositoryCount">Distinct repositories with a manifest referencing it.</param>
public sealed record BlobUsage(string Digest, long Size, int ManifestCount, int RepositoryCount);
