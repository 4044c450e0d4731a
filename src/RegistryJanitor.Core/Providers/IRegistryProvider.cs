namespace RegistryJanitor.Core.Providers;

/// <summary>
/// What the scanner needs from a registry. The generic OCI provider implements the minimum; providers with
/// a metadata API (ACR, ECR) also list every manifest, untagged ones included, with their own facts.
/// </summary>
public interface IRegistryProvider
{
    /// <summary>The configured registry name.</summary>
    string Name { get; }

    /// <summary>True when <see cref="ListManifestsAsync"/> returns provider facts for every manifest.</summary>
    bool CanListManifests { get; }

    /// <summary>Repository names, from the catalog or the configured explicit list, before include/exclude filtering.</summary>
    IAsyncEnumerable<string> ListRepositoriesAsync(CancellationToken cancellationToken);

    /// <summary>Tag names of one repository.</summary>
    IAsyncEnumerable<string> ListTagsAsync(string repository, CancellationToken cancellationToken);

    /// <summary>Every manifest of one repository with provider facts; empty when <see cref="CanListManifests"/> is false.</summary>
    IAsyncEnumerable<ProviderManifest> ListManifestsAsync(string repository, CancellationToken cancellationToken);
}
