using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>A manifest fetched in this scan and the digests of its child manifests.</summary>
internal sealed record FetchedEntry(ScannedManifest Manifest, IReadOnlyList<string> ChildDigests);
