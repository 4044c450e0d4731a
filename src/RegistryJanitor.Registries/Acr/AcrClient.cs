using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Acr;

/// <summary>
/// ACR's metadata API (<c>/acr/v1</c>, api-version 2021-07-01), paginated by the
/// relative <c>Link</c> header (which keeps <c>orderby</c>), through an HttpClient that authenticates with
/// <see cref="AcrAuthenticationHandler"/>.
/// </summary>
public sealed class AcrClient
{
    private const int MaxPages = 100_000;

    private readonly HttpClient _httpClient;
    private readonly AcrSettings _settings;
    private readonly ILogger _logger;

    internal AcrClient(HttpClient authenticatedClient, AcrSettings settings, ILogger logger)
    {
        _httpClient = authenticatedClient;
        _settings = settings;
        _logger = logger;
    }

    /// <summary>Repository names from <c>/acr/v1/_catalog</c>.</summary>
    public async IAsyncEnumerable<string> ListRepositoriesAsync(
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = new Uri(_settings.Registry, $"acr/v1/_catalog?n={_settings.PageSize}");
        await foreach (var page in PagesAsync("acr:_catalog", first, cancellationToken))
        {
            foreach (var name in CloudJson.Strings(page, "repositories"))
            {
                yield return name;
            }
        }
    }

    /// <summary>Tag names from <c>/acr/v1/{name}/_tags</c>.</summary>
    public async IAsyncEnumerable<string> ListTagsAsync(
        string repository,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        var first = new Uri(_settings.Registry, $"acr/v1/{repository}/_tags?n={_settings.PageSize}");
        await foreach (var page in PagesAsync("acr:_tags", first, cancellationToken))
        {
            foreach (var tag in CloudJson.Array(page, "tags"))
            {
                if (tag.ValueKind == JsonValueKind.Object && CloudJson.String(tag, "name") is { } name)
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>
    /// Every manifest of a repository, untagged ones included, from <c>/acr/v1/{name}/_manifests</c>.
    /// </summary>
    public async IAsyncEnumerable<AcrManifest> ListManifestsAsync(
        string repository,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        var first = new Uri(
            _settings.Registry,
            $"acr/v1/{repository}/_manifests?n={_settings.PageSize}&orderby={_settings.ManifestOrderBy}");
        var seen = new HashSet<Digest>();
        await foreach (var page in PagesAsync("acr:_manifests", first, cancellationToken))
        {
            foreach (var item in CloudJson.Array(page, "manifests"))
            {
                if (item.ValueKind == JsonValueKind.Object && ReadManifest(repository, item) is { } manifest
                    && seen.Add(manifest.Digest))
                {
                    yield return manifest;
                }
            }
        }
    }

    private static AcrManifest? ReadManifest(string repository, JsonElement item)
    {
        if (CloudJson.OptionalDigest(item, "digest") is not { } digest)
        {
            return null;
        }

        var references = CloudJson.Array(item, "references")
            .Where(reference => reference.ValueKind == JsonValueKind.Object)
            .Select(reference => CloudJson.OptionalDigest(reference, "digest") is { } child
                ? new AcrManifestReference(
                    child, CloudJson.String(reference, "architecture"), CloudJson.String(reference, "os"))
                : null)
            .OfType<AcrManifestReference>()
            .ToArray();
        var attributes = CloudJson.Object(item, "changeableAttributes") ?? default;
        return new AcrManifest(
            repository,
            digest,
            CloudJson.Int64(item, "imageSize"),
            CloudJson.Iso8601(item, "createdTime"),
            CloudJson.Iso8601(item, "lastUpdateTime"),
            CloudJson.String(item, "architecture"),
            CloudJson.String(item, "os"),
            CloudJson.String(item, "mediaType"),
            CloudJson.String(item, "configMediaType"),
            CloudJson.Strings(item, "tags"),
            references,
            attributes.ValueKind == JsonValueKind.Object ? CloudJson.Boolean(attributes, "deleteEnabled") : null,
            attributes.ValueKind == JsonValueKind.Object ? CloudJson.Boolean(attributes, "writeEnabled") : null);
    }

    private async IAsyncEnumerable<JsonElement> PagesAsync(
        string operation,
        Uri first,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var visited = new HashSet<Uri>();
        Uri? next = first;
        for (var page = 1; next is not null; page++)
        {
            if (!visited.Add(next) || page > MaxPages)
            {
                CloudLog.PaginationLoop(_logger, operation, page);
                throw new CloudProviderException($"{operation} pagination returned a page it had already returned.");
            }

            using var response = await _httpClient.GetAsync(next, cancellationToken);
            await EnsureSuccessAsync(response, operation, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using (var document = JsonDocument.Parse(text))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    yield return document.RootElement.Clone();
                }
            }

            next = LinkHeader.Next(response);
            if (next is not null && Uri.Compare(next, _settings.Registry, UriComponents.SchemeAndServer,
                    UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new CloudProviderException($"{operation} Link header points to another host: {next.Host}.");
            }
        }
    }

    private static async Task EnsureSuccessAsync(
        HttpResponseMessage response,
        string operation,
        CancellationToken token)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        var (code, message) = AcrErrors.Parse(await response.Content.ReadAsStringAsync(token));
        throw new CloudProviderException(operation, response.StatusCode, code, message);
    }
}
