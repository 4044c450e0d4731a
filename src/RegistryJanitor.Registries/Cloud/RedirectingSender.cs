using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>
/// Sends a GET and follows redirects by hand, re-sending the credential only to the same origin. Blob GETs on
/// ECR and ACR redirect to presigned object-storage URLs, which reject (or would leak) a second credential.
/// </summary>
/// <remarks>The HttpClient used must have automatic redirects off, or the handler would follow them first.</remarks>
internal static class RedirectingSender
{
    private const int MaxRedirects = 5;

    /// <summary>GETs <paramref name="uri"/>; the caller owns and disposes the returned response.</summary>
    public static async Task<HttpResponseMessage> GetAsync(
        HttpClient httpClient,
        Uri uri,
        AuthenticationHeaderValue? authorization,
        string? accept,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var origin = uri;
        var current = uri;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            if (authorization is not null && SameOrigin(origin, current))
            {
                request.Headers.Authorization = authorization;
            }

            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", accept);
            }

            var response = await httpClient.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!IsRedirect(response.StatusCode) || response.Headers.Location is null || hop >= MaxRedirects)
            {
                return response;
            }

            var next = response.Headers.Location.IsAbsoluteUri
                ? response.Headers.Location
                : new Uri(current, response.Headers.Location);
            response.Dispose();
            if (next.Scheme is not ("http" or "https"))
            {
                throw new CloudProviderException($"Registry redirected to an unsupported scheme '{next.Scheme}'.");
            }

            if (!SameOrigin(origin, next))
            {
                CloudLog.RedirectFollowed(logger, current.AbsolutePath, next.Host);
            }

            current = next;
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
