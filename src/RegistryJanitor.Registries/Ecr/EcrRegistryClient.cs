using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>
/// The ECR registry's <c>/v2</c> API with the Basic credential from <c>GetAuthorizationToken</c>, cached until
/// shortly before it expires. Blob redirects to S3 are followed without the credential.
/// </summary>
public sealed class EcrRegistryClient : IDisposable
{
    /// <summary>How long before <c>expiresAt</c> a new registry credential is fetched.</summary>
    public static readonly TimeSpan RenewBeforeExpiry = TimeSpan.FromMinutes(5);

    private const int MaxManifestBytes = 4 * 1024 * 1024;

    private readonly HttpClient _httpClient;
    private readonly EcrClient _api;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private EcrAuthorization? _authorization;

    /// <param name="httpClient">A client with automatic redirects off.</param>
    /// <param name="api">The control-plane client that issues registry credentials.</param>
    /// <param name="timeProvider">The clock for credential expiry.</param>
    /// <param name="logger">The logger.</param>
    public EcrRegistryClient(HttpClient httpClient, EcrClient api, TimeProvider timeProvider, ILogger logger)
    {
        _httpClient = httpClient;
        _api = api;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>GETs a manifest by tag or digest with the full Accept list and verifies its digest.</summary>
    public async Task<RegistryManifest> GetManifestAsync(
        string repository,
        string reference,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        ArgumentException.ThrowIfNullOrEmpty(reference);
        var authorization = await GetAuthorizationAsync(cancellationToken);
        var uri = new Uri(authorization.ProxyEndpoint, $"/v2/{repository}/manifests/{reference}");
        using var response = await RedirectingSender.GetAsync(
            _httpClient, uri, Header(authorization), MediaTypes.ManifestAccept, _logger, cancellationToken);
        await EnsureSuccessAsync(response, "ecr:/v2/manifests", cancellationToken);

        if (response.Content.Headers.ContentLength > MaxManifestBytes)
        {
            throw new CloudProviderException(
                $"Manifest {repository}@{reference} is larger than {MaxManifestBytes} bytes.");
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        var header = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : null;
        var expected = Digest.TryParse(reference, out var byDigest) ? byDigest
            : Digest.TryParse(header, out var byHeader) ? byHeader
            : Digest.Sha256Of(bytes);
        if (bytes.Length > MaxManifestBytes || !expected.Matches(bytes))
        {
            throw new CloudProviderException($"Manifest {repository}@{reference} does not match digest {expected}.");
        }

        return new RegistryManifest(expected, response.Content.Headers.ContentType?.MediaType, bytes);
    }

    /// <summary>
    /// GETs a blob, following the redirect to object storage without the credential; the caller reads, verifies
    /// and disposes the response.
    /// </summary>
    public async Task<HttpResponseMessage> GetBlobAsync(
        string repository,
        Digest digest,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(repository);
        var authorization = await GetAuthorizationAsync(cancellationToken);
        var uri = new Uri(authorization.ProxyEndpoint, $"/v2/{repository}/blobs/{digest}");
        var response = await RedirectingSender.GetAsync(
            _httpClient, uri, Header(authorization), accept: null, _logger, cancellationToken);
        try
        {
            await EnsureSuccessAsync(response, "ecr:/v2/blobs", cancellationToken);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private async Task<EcrAuthorization> GetAuthorizationAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_authorization is null || _authorization.ExpiresAt - RenewBeforeExpiry <= _timeProvider.GetUtcNow())
            {
                _authorization = await _api.GetAuthorizationTokenAsync(cancellationToken);
            }

            return _authorization;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static AuthenticationHeaderValue Header(EcrAuthorization authorization) =>
        new("Basic", authorization.BasicToken);

    private static async Task EnsureSuccessAsync(
        HttpResponseMessage response,
        string operation,
        CancellationToken token)
    {
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(token);
        throw new CloudProviderException(operation, response.StatusCode, null, text);
    }
}
