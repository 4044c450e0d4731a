using System.Net.Http.Headers;

namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>
/// Serves the blob <see cref="Digest"/> with one byte changed: a registry (or a man in the middle) handing out
/// content that does not match the digest asked for.
/// </summary>
internal sealed class FlipBlobByteHandler(string digest, int offset) : DelegatingHandler
{
    public string Digest { get; } = digest;

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        if (request.Method != HttpMethod.Get || !response.IsSuccessStatusCode
            || !path.EndsWith("/blobs/" + Digest, StringComparison.Ordinal))
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        body[offset] ^= 0x5A;
        var headers = response.Content.Headers;
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = headers.ContentType ?? new MediaTypeHeaderValue("application/octet-stream");
        response.Content = content;
        return response;
    }
}
