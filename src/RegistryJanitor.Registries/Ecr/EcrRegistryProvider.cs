using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Cloud;
using RegistryJanitor.Registries.Oci;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>
/// Amazon ECR: repositories and every active image (untagged included) from the ECR API, index children read
/// from the index manifests, pulls per repository and day from CloudWatch where permitted. Manifests, configs,
/// blobs and referrers go through the generic OCI client with the <c>GetAuthorizationToken</c> credential.
/// </summary>
/// <remarks>
/// ECR has no per-image delete lock (tag immutability protects tags, not images), so
/// <see cref="ProviderManifest.Locked"/> is false. <c>imageSizeInBytes</c> of a manifest list is its largest child.
/// </remarks>
public sealed class EcrRegistryProvider
    : OciContentReads, IRegistryProvider, ICloudManifestSource, IProviderStatisticsSource, IDisposable
{
    /// <summary>The <see cref="ProviderManifest.Source"/> of images listed by this provider.</summary>
    public const string ManifestSource = "ecr:DescribeImages";

    /// <summary>The <see cref="ProviderStatistic{T}.Source"/> of pull counts.</summary>
    public const string PullSource = "cloudwatch:AWS/ECR RepositoryPullCount";

    private readonly RegistryOptions _options;
    private readonly CloudWatchPullMetricsClient _metrics;
    private readonly ILogger _logger;
    private readonly HttpClient _registryHttpClient;

    internal EcrRegistryProvider(
        RegistryOptions options,
        EcrClient api,
        EcrRegistryClient registry,
        CloudWatchPullMetricsClient metrics,
        int pullMetricDays,
        HttpClient registryHttpClient,
        OciRegistryClient oci,
        ILogger logger)
        : base(oci)
    {
        _options = options;
        _registryHttpClient = registryHttpClient;
        PullMetricDays = pullMetricDays;
        _metrics = metrics;
        _logger = logger;
        Api = api;
        Registry = registry;
    }

    public string Name => _options.Name;

    public bool CanListManifests => true;

    /// <summary>The ECR control-plane client.</summary>
    public EcrClient Api { get; }

    /// <summary>The GetAuthorizationToken credential of the registry's <c>/v2</c> API.</summary>
    public EcrRegistryClient Registry { get; }

    /// <summary>
    /// Obtains the registry credential through <c>GetAuthorizationToken</c> (which proves the AWS credentials and
    /// the ECR permission) and pings <c>/v2/</c> with it.
    /// </summary>
    public async Task CheckAccessAsync(CancellationToken cancellationToken)
    {
        await Registry.GetAuthorizationAsync(cancellationToken);
        await Oci.PingAsync(cancellationToken);
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

        await foreach (var repository in Api.DescribeRepositoriesAsync(cancellationToken))
        {
            yield return repository.Name;
        }
    }

    public async IAsyncEnumerable<string> ListTagsAsync(
        string repository,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var image in Api.DescribeImagesAsync(repository, EcrTagStatus.Tagged, cancellationToken))
        {
            foreach (var tag in image.Tags)
            {
                yield return tag;
            }
        }
    }

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
        var images = new List<EcrImageDetail>();
        await foreach (var image in Api.DescribeImagesAsync(repository, EcrTagStatus.Any, cancellationToken))
        {
            images.Add(image);
        }

        var indexes = images.Where(i => MediaTypes.IsIndex(i.ManifestMediaType)).Select(i => i.Digest).ToArray();
        var childrenByIndex = new Dictionary<Digest, IReadOnlyList<Digest>>();
        if (indexes.Length > 0)
        {
            foreach (var manifest in await Api.BatchGetImageAsync(repository, indexes, cancellationToken))
            {
                childrenByIndex[manifest.Digest] = ReadChildren(manifest.Manifest);
            }
        }

        var allChildren = childrenByIndex.Values.SelectMany(c => c).ToHashSet();
        return images.Select(i => new CloudManifestFacts(
                new ProviderManifest(
                    i.Digest,
                    i.ManifestMediaType,
                    i.Tags,
                    i.SizeBytes,
                    i.PushedAt,
                    i.LastPulledAt,
                    Locked: false,
                    ManifestSource),
                ManifestRoleClassifier.Classify(
                    i.Tags.Count, i.Digest, allChildren, i.SubjectDigest, i.ArtifactMediaType),
                childrenByIndex.TryGetValue(i.Digest, out var children) ? children : [],
                i.SubjectDigest,
                i.ArtifactMediaType,
                Architecture: null,
                Os: null))
            .ToArray();
    }

    /// <summary>From the <c>PullMetricDays</c> setting (default 31).</summary>
    public int PullMetricDays { get; }

    /// <summary>ECR has no API for the storage it bills; AWS Cost Explorer is out of this tool's reach.</summary>
    public Task<ProviderStatistic<long>> GetBilledStorageBytesAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ProviderStatistic<long>(0, false, "ecr", "ECR reports no billed storage"));

    /// <summary>
    /// Pulls per repository and UTC day from CloudWatch; unavailable (not failed) when the identity lacks
    /// <c>cloudwatch:GetMetricData</c>.
    /// </summary>
    public async Task<ProviderStatistic<IReadOnlyList<DailyPullCount>>> GetDailyPullCountsAsync(
        IReadOnlyList<string> repositories,
        DateOnly firstDay,
        DateOnly endDay,
        CancellationToken cancellationToken)
    {
        try
        {
            var counts = await _metrics.GetDailyPullCountsAsync(repositories, firstDay, endDay, cancellationToken);
            return new ProviderStatistic<IReadOnlyList<DailyPullCount>>(counts, true, PullSource, null);
        }
        catch (CloudProviderException exception)
            when (exception.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            var reason = $"HTTP {(int)exception.StatusCode!} {exception.ErrorType}".TrimEnd();
            CloudLog.EcrPullMetricsUnavailable(_logger, _options.Name, reason);
            return new ProviderStatistic<IReadOnlyList<DailyPullCount>>(null, false, PullSource, reason);
        }
    }

    public void Dispose()
    {
        _registryHttpClient.Dispose();
        Registry.Dispose();
    }

    private static Digest[] ReadChildren(ReadOnlyMemory<byte> manifest)
    {
        try
        {
            using var document = JsonDocument.Parse(manifest);
            return CloudJson.Array(document.RootElement, "manifests")
                .Select(child => CloudJson.OptionalDigest(child, "digest"))
                .OfType<Digest>()
                .ToArray();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
