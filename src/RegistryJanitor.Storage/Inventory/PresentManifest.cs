namespace RegistryJanitor.Storage.Inventory;

/// <summary>A manifest the registry holds in a repository at scan time.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="Untagged">True when no tag reaches it, directly or through an index.</param>
/// <param name="Facts">Provider facts, when the provider has a metadata API.</param>
public sealed record PresentManifest(string Digest, bool Untagged, Core.Providers.ProviderManifest? Facts);
