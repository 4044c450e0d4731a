using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>
/// The read-only part of the ECR control-plane API (JSON 1.1, SigV4 signing name <c>ecr</c>), paginated by
/// <c>nextToken</c>, with throttling and 5xx retried.
/// </summary>
public sealed class EcrClient
{
    private const int BatchGetImageLimit = 100;

    private static readonly string[] AcceptedManifestTypes =
    [
        MediaTypes.OciIndex, MediaTypes.OciManifest, MediaTypes.DockerManifestList, MediaTypes.DockerManifest,
    ];

    private readonly AwsJsonClient _api;
    private readonly string? _registryId;
    private readonly int _pageSize;
    private readonly ILogger _logger;

    internal EcrClient(
        HttpClient httpClient,
        EcrSettings settings,
        IAwsCredentialSource credentials,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _api = new AwsJsonClient(httpClient, settings.Api, credentials, timeProvider, logger);
        _registryId = settings.RegistryId;
        _pageSize = settings.PageSize;
        _logger = logger;
    }

    /// <summary>Every repository of the registry (<c>DescribeRepositories</c>).</summary>
    public async IAsyncEnumerable<EcrRepository> DescribeRepositoriesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pages = PagesAsync("DescribeRepositories", "repositories", () => NewRequest(), cancellationToken);
        await foreach (var item in pages)
        {
            var name = CloudJson.String(item, "repositoryName");
            if (name is not null)
            {
                yield return new EcrRepository(
                    name,
                    CloudJson.String(item, "registryId"),
                    CloudJson.EpochSeconds(item, "createdAt"),
                    CloudJson.String(item, "imageTagMutability"));
            }
        }
    }

    /// <summary>
    /// Images of one repository (<c>DescribeImages</c>); images that cannot be pulled (ARCHIVED, ACTIVATING)
    /// are skipped.
    /// </summary>
    public async IAsyncEnumerable<EcrImageDetail> DescribeImagesAsync(
        string repository,
        EcrTagStatus tagStatus,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        JsonObject Build()
        {
            var request = NewRequest();
            request["repositoryName"] = repository;
            request["filter"] = new JsonObject { ["tagStatus"] = tagStatus.ToString().ToUpperInvariant() };
            return request;
        }

        await foreach (var item in PagesAsync("DescribeImages", "imageDetails", Build, cancellationToken))
        {
            var digest = CloudJson.OptionalDigest(item, "imageDigest");
            if (digest is null)
            {
                continue;
            }

            var status = CloudJson.String(item, "imageStatus");
            if (status is not null && !string.Equals(status, "ACTIVE", StringComparison.Ordinal))
            {
                CloudLog.EcrImageSkipped(_logger, repository, digest.Value, status);
                continue;
            }

            yield return new EcrImageDetail(
                repository,
                digest.Value,
                CloudJson.Strings(item, "imageTags"),
                CloudJson.Int64(item, "imageSizeInBytes"),
                CloudJson.EpochSeconds(item, "imagePushedAt"),
                CloudJson.EpochSeconds(item, "lastRecordedPullTime"),
                CloudJson.String(item, "imageManifestMediaType"),
                CloudJson.String(item, "artifactMediaType"),
                CloudJson.OptionalDigest(item, "subjectManifestDigest"),
                status);
        }
    }

    /// <summary>
    /// Manifests by digest (<c>BatchGetImage</c>, 100 per call). A manifest whose bytes do not hash to its digest
    /// is dropped and logged; per-image failures are logged and skipped.
    /// </summary>
    public async Task<IReadOnlyList<EcrImageManifest>> BatchGetImageAsync(
        string repository,
        IReadOnlyCollection<Digest> digests,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentNullException.ThrowIfNull(digests);
        var manifests = new List<EcrImageManifest>();
        foreach (var chunk in digests.Distinct().Chunk(BatchGetImageLimit))
        {
            var request = NewRequest();
            request["repositoryName"] = repository;
            request["imageIds"] = new JsonArray(
                chunk.Select(digest => (JsonNode)new JsonObject { ["imageDigest"] = digest.ToString() }).ToArray());
            request["acceptedMediaTypes"] = new JsonArray(
                AcceptedManifestTypes.Select(type => (JsonNode)JsonValue.Create(type)).ToArray());

            using var response = await _api.CallAsync("BatchGetImage", request, cancellationToken);
            ReadImages(repository, response.RootElement, manifests);
            foreach (var failure in CloudJson.Array(response.RootElement, "failures"))
            {
                var failedId = CloudJson.Object(failure, "imageId") is { } id
                    ? CloudJson.String(id, "imageDigest")
                    : null;
                var failureCode = CloudJson.String(failure, "failureCode") ?? "unknown";
                CloudLog.EcrBatchGetFailure(_logger, repository, failedId ?? "(unknown)", failureCode);
            }
        }

        return manifests;
    }

    /// <summary>Referrers (signatures, SBOMs, attestations) of one manifest (<c>ListImageReferrers</c>).</summary>
    public async IAsyncEnumerable<EcrReferrer> ListImageReferrersAsync(
        string repository,
        Digest subject,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        JsonObject Build()
        {
            var request = NewRequest(maxResults: Math.Min(_pageSize, 50));
            request["repositoryName"] = repository;
            request["subjectId"] = new JsonObject { ["imageDigest"] = subject.ToString() };
            return request;
        }

        await foreach (var item in PagesAsync("ListImageReferrers", "referrers", Build, cancellationToken))
        {
            if (CloudJson.OptionalDigest(item, "digest") is { } digest)
            {
                yield return new EcrReferrer(
                    digest,
                    CloudJson.String(item, "mediaType"),
                    CloudJson.String(item, "artifactType"),
                    CloudJson.Int64(item, "size"),
                    CloudJson.String(item, "artifactStatus"));
            }
        }
    }

    /// <summary>A Basic credential for the registry's <c>/v2</c> API (<c>GetAuthorizationToken</c>).</summary>
    public async Task<EcrAuthorization> GetAuthorizationTokenAsync(CancellationToken cancellationToken)
    {
        var request = new JsonObject();
        if (_registryId is not null)
        {
            request["registryIds"] = new JsonArray(JsonValue.Create(_registryId));
        }

        using var response = await _api.CallAsync("GetAuthorizationToken", request, cancellationToken);
        var data = CloudJson.Array(response.RootElement, "authorizationData").FirstOrDefault();
        var token = data.ValueKind == JsonValueKind.Object ? CloudJson.String(data, "authorizationToken") : null;
        var expiresAt = data.ValueKind == JsonValueKind.Object ? CloudJson.EpochSeconds(data, "expiresAt") : null;
        var endpoint = data.ValueKind == JsonValueKind.Object ? CloudJson.String(data, "proxyEndpoint") : null;
        if (token is null || expiresAt is null || !Uri.TryCreate(endpoint, UriKind.Absolute, out var proxyEndpoint))
        {
            throw new CloudProviderException("GetAuthorizationToken returned no usable authorizationData.");
        }

        CloudLog.EcrAuthorizationObtained(_logger, proxyEndpoint, expiresAt.Value);
        return new EcrAuthorization(token, expiresAt.Value, proxyEndpoint);
    }

    private void ReadImages(string repository, JsonElement root, List<EcrImageManifest> manifests)
    {
        foreach (var image in CloudJson.Array(root, "images"))
        {
            var digest = CloudJson.Object(image, "imageId") is { } id
                ? CloudJson.OptionalDigest(id, "imageDigest")
                : null;
            var text = CloudJson.String(image, "imageManifest");
            if (digest is null || text is null)
            {
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(text);
            if (!digest.Value.Matches(bytes))
            {
                CloudLog.ManifestDigestMismatch(_logger, repository, digest.Value, "ecr:BatchGetImage");
                continue;
            }

            manifests.Add(new EcrImageManifest(digest.Value, CloudJson.String(image, "imageManifestMediaType"), bytes));
        }
    }

    private JsonObject NewRequest(int? maxResults = null)
    {
        var request = new JsonObject { ["maxResults"] = maxResults ?? _pageSize };
        if (_registryId is not null)
        {
            request["registryId"] = _registryId;
        }

        return request;
    }

    private async IAsyncEnumerable<JsonElement> PagesAsync(
        string operation,
        string itemsProperty,
        Func<JsonObject> buildRequest,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? nextToken = null;
        var page = 0;
        do
        {
            var request = buildRequest();
            if (nextToken is not null)
            {
                request["nextToken"] = nextToken;
            }

            using var response = await _api.CallAsync(operation, request, cancellationToken);
            page++;
            var items = CloudJson.Array(response.RootElement, itemsProperty).Select(item => item.Clone()).ToArray();
            CloudLog.EcrPage(_logger, operation, page, items.Length);
            foreach (var item in items)
            {
                yield return item;
            }

            nextToken = CloudJson.String(response.RootElement, "nextToken");
            if (nextToken is not null && !seenTokens.Add(nextToken))
            {
                CloudLog.PaginationLoop(_logger, operation, page);
                throw new CloudProviderException($"{operation} returned a nextToken it had already returned.");
            }
        }
        while (nextToken is not null);
    }
}
