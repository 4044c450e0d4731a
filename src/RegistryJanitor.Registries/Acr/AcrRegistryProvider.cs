using System.Runtime.CompilerServices;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Cloud;
using RegistryJanitor.Registries.Oci;

namespace RegistryJanitor.Registries.Acr;

/// <summary>
/// Azure Container Registry: repositories and every manifest (untagged included) from the <c>/acr/v1</c>
/// metadata API, plus ARM billed storage and Azure Monitor pulls where permitted. Manifests, configs, blobs
/// and referrers go through the generic OCI client over this registry's authenticated transport.
/// </summary>
/// <remarks>
/// ACR has no per-manifest "last pulled" field, so <see cref="ProviderManifest.LastPulledAt"/> stays null;
/// <see cref="ProviderManifest.PushedAt"/> is <c>createdTime</c>.
/// </remarks>
public sealed class AcrRegistryProvider
    : OciContentReads, IRegistryProvider, ICloudManifestSource, IProviderStatisticsSource, IDisposable
{
    /// <summary>The <see cref="ProviderManifest.Source"/> of manifests listed by this provider.</summary>
    public const string ManifestSource = "acr:_manifests";

    private readonly RegistryOptions _options;
    private readonly AcrTokenService _tokens;
    private readonly HttpClient _registryHttpClient;

    internal AcrRegistryProvider(
        RegistryOptions options,
        AcrClient client,
        AcrArmClient arm,
        AcrTokenService tokens,
        HttpClient registryHttpClient,
        OciRegistryClient oci)
        : base(oci)
    {
        _options = options;
        _tokens = tokens;
        _registryHttpClient = registryHttpClient;
        Client = client;
        Arm = arm;
    }

    public string Name => _options.Name;

    public bool CanListManifests => true;

    /// <summary>The metadata and <c>/v2</c> client of this registry.</summary>
    public AcrClient Client { get; }

    /// <summary>Billed storage and pull metrics through ARM.</summary>
    public AcrArmClient Arm { get; }

    /// <summary>
    /// An HttpClient that authenticates any request to this registry's origin (ACR tokens per scope, Basic or
    /// anonymous) and sends requests to other hosts untouched; redirects are followed without the credential.
    /// </summary>
    public HttpClient RegistryHttpClient => _registryHttpClient;

    /// <summary>
    /// Reads the first page of the catalog, or of the first configured repository's tags when the repositories
    /// are listed explicitly (repository-scoped tokens cannot read the catalog); throws when access is refused.
    /// </summary>
    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        var probe = _options.Repositories.Count > 0
            ? Client.ListTagsAsync(_options.Repositories[0], cancellationToken)
            : Client.ListRepositoriesAsync(cancellationToken);
        await using var enumerator = probe.GetAsyncEnumerator(cancellationToken);
        await enumerator.MoveNextAsync();
    }

    public async IAsyncEnumerable<string> ListRepositoriesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_options.Repositories.Count > 0)
        {
            foreach (var repository in _options.Repositories)
            {
                yield return repository;
            }

            yield break;
        }

        await foreach (var repository in Client.ListRepositoriesAsync(cancellationToken))
        {
            yield return repository;
        }
    }

    public IAsyncEnumerable<string> ListTagsAsync(string repository, CancellationToken cancellationToken) =>
        Client.ListTagsAsync(repository, cancellationToken);

    public async IAsyncEnumerable<ProviderManifest> ListManifestsAsync(
        string repository,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var facts in await ListManifestFactsAsync(repository, cancellationToken))
        {
            yield return facts.Manifest;
        }
    }

    public async Task<IReadOnlyList<CloudManifestFacts>> ListManifestFactsAsync(
        string repository,
        CancellationToken cancellationToken)
    {
        var manifests = new List<AcrManifest>();
        await foreach (var manifest in Client.ListManifestsAsync(repository, cancellationToken))
        {
            manifests.Add(manifest);
        }

        var children = manifests.SelectMany(m => m.References).Select(r => r.Digest).ToHashSet();
        return manifests.Select(m => new CloudManifestFacts(
                new ProviderManifest(
                    m.Digest, m.MediaType, m.Tags, m.ImageSize, m.CreatedTime, null, m.Locked, ManifestSource),
                ManifestRoleClassifier.Classify(m.Tags.Count, m.Digest, children, null, m.ConfigMediaType),
                m.References.Select(r => r.Digest).ToArray(),
                Subject: null,
                m.ConfigMediaType,
                m.Architecture,
                m.Os))
            .ToArray();
    }

    /// <summary>Azure Monitor keeps platform metrics for 93 days; a month is read on each scan.</summary>
    public int PullMetricDays => 31;

    public Task<ProviderStatistic<long>> GetBilledStorageBytesAsync(CancellationToken cancellationToken) =>
        Arm.GetBilledStorageBytesAsync(cancellationToken);

    /// <summary>Registry-wide counts (ACR metrics have no repository dimension): the repository is empty.</summary>
    public async Task<ProviderStatistic<IReadOnlyList<DailyPullCount>>> GetDailyPullCountsAsync(
        IReadOnlyList<string> repositories, DateOnly firstDay, DateOnly endDay, CancellationToken cancellationToken)
    {
        var registryWide = await Arm.GetDailyPullCountsAsync(firstDay, endDay, cancellationToken);
        IReadOnlyList<DailyPullCount>? counts = registryWide.Value?
            .Select(count => new DailyPullCount(string.Empty, count.Day, count.Pulls))
            .ToList();
        return new ProviderStatistic<IReadOnlyList<DailyPullCount>>(
            counts, registryWide.Available, registryWide.Source, registryWide.UnavailableReason);
    }

    public void Dispose()
    {
        _registryHttpClient.Dispose();
        _tokens.Dispose();
    }
}
