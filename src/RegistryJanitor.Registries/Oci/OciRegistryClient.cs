using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Registries.Auth;
using RegistryJanitor.Registries.Http;

namespace RegistryJanitor.Registries.Oci;

/// <summary>
/// The OCI distribution API of one registry: auth on challenge, pagination by <c>Link</c>, manifests verified
/// against their digest and capped in size. Transient failures are retried by the resilience handler of the
/// underlying <see cref="HttpClient"/>; a body cut short is re-read here.
/// </summary>
/// <remarks>
/// Blob redirects are followed by the HTTP handler, which drops the Authorization header on every redirect,
/// so a credential never reaches object storage on another host; a registry that redirects to its own host
/// and wants credentials there again is not supported.
/// </remarks>
internal sealed partial class OciRegistryClient
{
    /// <summary>The name of the <see cref="HttpClient"/> used for registry requests.</summary>
    public const string HttpClientName = "RegistryJanitor.Registry";

    /// <summary>The name of the <see cref="HttpClient"/> used for token server requests.</summary>
    public const string TokenClientName = "RegistryJanitor.RegistryToken";

    /// <summary>The largest manifest accepted: 4 MiB, the limit ECR documents.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    private const int PageSize = 1000;
    private const int BodyAttempts = 3;
    private const string CatalogScope = "registry:catalog:*";

    private readonly Uri baseUri;
    private readonly HttpClient http;
    private readonly RegistryAuthenticator? authenticator;
    private readonly ILogger logger;

    /// <param name="registryName">The configured registry name, for messages.</param>
    /// <param name="baseUri">The registry origin; <c>/v2/...</c> paths are resolved against it.</param>
    /// <param name="http">The client requests go through.</param>
    /// <param name="authenticator">
    /// Answers auth challenges; null when <paramref name="http"/> is already authenticated by a provider's own
    /// handlers (ACR tokens, ECR <c>GetAuthorizationToken</c>), so a 401 is final.
    /// </param>
    /// <param name="logger">The logger.</param>
    public OciRegistryClient(
        string registryName, Uri baseUri, HttpClient http, RegistryAuthenticator? authenticator, ILogger logger)
    {
        RegistryName = registryName;
        this.baseUri = baseUri;
        this.http = http;
        this.authenticator = authenticator;
        this.logger = logger;
    }

    public string RegistryName { get; }

    /// <summary>GET <c>/v2/</c>, answering the auth challenge; throws when access is refused.</summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            HttpMethod.Get, new Uri(baseUri, "/v2/"), CatalogScope, null, cancellationToken);
        await EnsureSuccessAsync(response, "/v2/", cancellationToken);
    }

    public IAsyncEnumerable<string> ListRepositoriesAsync(CancellationToken cancellationToken) =>
        PageAsync(
            new Uri(baseUri, $"/v2/_catalog?n={PageSize}"),
            CatalogScope,
            body => JsonSerializer.Deserialize(body, RegistryJsonContext.Default.CatalogPage)?.Repositories,
            cancellationToken);

    public IAsyncEnumerable<string> ListTagsAsync(string repository, CancellationToken cancellationToken) =>
        PageAsync(
            new Uri(baseUri, $"/v2/{repository}/tags/list?n={PageSize}"),
            PullScope(repository),
            body => JsonSerializer.Deserialize(body, RegistryJsonContext.Default.TagsPage)?.Tags,
            cancellationToken);

    public Task<ManifestHead?> HeadManifestAsync(
        string repository, string reference, CancellationToken cancellationToken) =>
        HeadManifestAsync(repository, reference, null, cancellationToken);

    /// <summary>
    /// HEAD of a manifest; with <paramref name="storedDigest"/>, sent as <c>If-None-Match</c>, and a 304 answer
    /// resolves to it (distribution uses the digest as the ETag and answers 304 before reading the manifest).
    /// </summary>
    public async Task<ManifestHead?> HeadManifestAsync(
        string repository, string reference, string? storedDigest, CancellationToken cancellationToken)
    {
        var uri = ManifestUri(repository, reference);
        Digest stored = default;
        var conditional = storedDigest is not null && Digest.TryParse(storedDigest, out stored);
        using var response = await SendAsync(
            HttpMethod.Head, uri, PullScope(repository), MediaTypes.ManifestAccept,
            conditional ? $"\"{stored}\"" : null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (conditional && response.StatusCode == HttpStatusCode.NotModified)
        {
            return new ManifestHead(stored, null, null);
        }

        await EnsureSuccessAsync(response, uri.AbsolutePath, cancellationToken);
        var digestHeader = HeaderValue(response, "Docker-Content-Digest");
        if (!Digest.TryParse(digestHeader, out var digest))
        {
            // Without the header a HEAD cannot tell the digest; the caller falls back to a GET.
            if (!Digest.TryParse(reference, out digest))
            {
                return null;
            }
        }

        return new ManifestHead(
            digest,
            Core.Manifests.ManifestParser.NormalizeMediaType(response.Content.Headers.ContentType?.ToString()),
            response.Content.Headers.ContentLength);
    }

    public async Task<FetchedManifest?> GetManifestAsync(
        string repository, string reference, CancellationToken cancellationToken)
    {
        var uri = ManifestUri(repository, reference);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await GetManifestOnceAsync(repository, reference, uri, cancellationToken);
            }
            catch (Exception exception) when (attempt < BodyAttempts && IsBodyFault(exception))
            {
                Log.BodyRetry(logger, RegistryName, repository, reference, exception.GetType().Name, attempt);
            }
        }
    }

    private async Task<FetchedManifest?> GetManifestOnceAsync(
        string repository, string reference, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(
            HttpMethod.Get, uri, PullScope(repository), MediaTypes.ManifestAccept, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, uri.AbsolutePath, cancellationToken);
        var body = await ReadCappedAsync(response, MaxManifestBytes, uri.AbsolutePath, cancellationToken);
        Digest expected;
        if (Digest.TryParse(reference, out var requested))
        {
            expected = requested;
        }
        else if (!Digest.TryParse(HeaderValue(response, "Docker-Content-Digest"), out expected))
        {
            expected = Digest.Sha256Of(body);
        }

        if (!expected.Matches(body))
        {
            throw new RegistryDigestMismatchException(
                $"The manifest {repository}:{Shorten(reference)} does not hash to {expected}.", expected);
        }

        var mediaType = Core.Manifests.ManifestParser.NormalizeMediaType(
            response.Content.Headers.ContentType?.ToString());
        return new FetchedManifest(expected, mediaType, body);
    }

    public async Task<ReadOnlyMemory<byte>> GetBlobBytesAsync(
        string repository, Digest digest, long maxBytes, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseUri, $"/v2/{repository}/blobs/{digest}");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await SendAsync(
                    HttpMethod.Get, uri, PullScope(repository), null, cancellationToken);
                await EnsureSuccessAsync(response, uri.AbsolutePath, cancellationToken);
                var body = await ReadCappedAsync(response, maxBytes, uri.AbsolutePath, cancellationToken);
                if (!digest.Matches(body))
                {
                    throw new RegistryDigestMismatchException(
                        $"The blob {repository}@{digest} does not hash to its digest.", digest);
                }

                return body;
            }
            catch (Exception exception) when (attempt < BodyAttempts && IsBodyFault(exception))
            {
                Log.BodyRetry(logger, RegistryName, repository, digest.ToString(), exception.GetType().Name, attempt);
            }
        }
    }

    public async Task<Stream> OpenBlobAsync(string repository, Digest digest, CancellationToken cancellationToken)
    {
        var uri = new Uri(baseUri, $"/v2/{repository}/blobs/{digest}");
        var response = await SendAsync(HttpMethod.Get, uri, PullScope(repository), null, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, uri.AbsolutePath, cancellationToken);
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private static string PullScope(string repository) => $"repository:{repository}:pull";

    private Uri ManifestUri(string repository, string reference) =>
        new(baseUri, $"/v2/{repository}/manifests/{Uri.EscapeDataString(reference)}");

    private static bool IsBodyFault(Exception exception) =>
        exception is HttpIOException or IOException or RegistryDigestMismatchException
        || exception is HttpRequestException { StatusCode: null };

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
