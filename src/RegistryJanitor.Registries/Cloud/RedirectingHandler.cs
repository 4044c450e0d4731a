using System.Net;
using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>
/// Follows redirects of GET and HEAD requests by hand, re-sending each hop as a fresh request without the
/// Authorization header. Blob GETs on ECR and ACR redirect to presigned object-storage URLs, which reject (or
/// would leak) a second credential; the authenticating handlers below this one add the registry credential
/// again only when a hop returns to the registry's own origin.
/// </summary>
/// <remarks>The primary handler must have automatic redirects off, or it would follow them first.</remarks>
internal sealed class RedirectingHandler : DelegatingHandler
{
    private const int MaxRedirects = 5;

    private readonly ILogger _logger;

    public RedirectingHandler(ILogger logger) => _logger = logger;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            return response;
        }

        var current = request.RequestUri!;
        for (var hop = 0; IsRedirect(response.StatusCode) && response.Headers.Location is { } location; hop++)
        {
            if (hop >= MaxRedirects)
            {
                return response;
            }

            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            response.Dispose();
            if (next.Scheme is not ("http" or "https"))
            {
                throw new CloudProviderException($"Registry redirected to an unsupported scheme '{next.Scheme}'.");
            }

            if (!SameOrigin(current, next))
            {
                CloudLog.RedirectFollowed(_logger, current.AbsolutePath, next.Host);
            }

            using var hopRequest = new HttpRequestMessage(request.Method, next) { Version = request.Version };
            foreach (var (name, values) in request.Headers)
            {
                if (!string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase))
                {
                    hopRequest.Headers.TryAddWithoutValidation(name, values);
                }
            }

            response = await base.SendAsync(hopRequest, cancellationToken);
            current = next;
        }

        return response;
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
