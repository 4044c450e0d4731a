namespace RegistryJanitor.Storage.Inventory;

/// <summary>A manifest already stored: enough to walk its children without downloading it again.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="Kind">The stored kind.</param>
/// <param name="ChildDigests">Digests of its index entries that are manifests.</param>
/// <param name="SubjectDigest">The manifest its <c>subject</c> field names, when it is a referrer.</param>
public sealed record KnownManifest(
    string Digest, string Kind, IReadOnlyList<string> ChildDigests, string? SubjectDigest = null);
