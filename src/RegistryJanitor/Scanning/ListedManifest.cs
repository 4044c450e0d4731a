using RegistryJanitor.Core.Providers;

namespace RegistryJanitor.Scanning;

/// <summary>A manifest a provider's metadata API lists in a repository, with why it is present.</summary>
/// <param name="Facts">The provider facts.</param>
/// <param name="Role">
/// <c>tagged</c>, <c>index_child</c>, <c>referrer</c> or <c>untagged</c> (as stored in
/// <c>repository_manifests.provider_role</c>).
/// </param>
/// <param name="Children">Index children the provider reports.</param>
/// <param name="Subject">The manifest it refers to, when the provider reports it.</param>
internal sealed record ListedManifest(
    ProviderManifest Facts, string Role, IReadOnlyList<string> Children, string? Subject);
