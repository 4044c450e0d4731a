using System.Net.Http.Headers;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>
/// Adds the <c>GetAuthorizationToken</c> Basic credential to requests for the registry's proxy endpoint origin
/// and sends requests to any other host (S3 presigned URLs after a redirect) untouched.
/// </summary>
internal sealed class EcrAuthenticationHandler : DelegatingHandler
{
    private readonly EcrRegistryClient _registry;

    public EcrAuthenticationHandler(EcrRegistryClient registry) => _registry = registry;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var authorization = await _registry.GetAuthorizationAsync(cancellationToken);
        var uri = request.RequestUri;
        if (uri is not null && Uri.Compare(uri, authorization.ProxyEndpoint, UriComponents.SchemeAndServer,
                UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", authorization.BasicToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
