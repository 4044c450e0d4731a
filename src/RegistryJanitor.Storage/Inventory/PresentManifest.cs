namespace RegistryJanitor.Storage.Inventory;

/// <summary>A manifest the registry holds in a repository at scan time.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="Untagged">
/// True when nothing anchors it: no tag reaches it (directly or through an index) and, for providers that list
/// every manifest, it is not a referrer of an anchored manifest nor a child of one.
/// </param>
/// <param name="Facts">Provider facts, when the provider has a metadata API.</param>
/// <param name="ProviderRole">
/// Why the provider's listing says it is present (<c>tagged</c>, <c>index_child</c>, <c>referrer</c>,
/// <c>untagged</c>); null for providers without a metadata API.
/// </param>
public sealed record PresentManifest(
    string Digest, bool Untagged, Core.Providers.ProviderManifest? Facts, string? ProviderRole = null);
