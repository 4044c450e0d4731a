using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// The registry HTTP calls the test builder and helpers make: blob existence and upload (monolithic POST then
/// PUT ?digest=, or a streamed PATCH), cross-repository mount, manifest PUT/GET/DELETE and tag listing.
/// Every failure throws with the status and the registry's error body.
/// </summary>
public sealed class RegistryApiClient : IDisposable
{
    private readonly HttpClient http;

    /// <summary>A client over an existing HttpClient whose BaseAddress is the registry.</summary>
    public RegistryApiClient(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        this.http = http;
    }

    /// <summary>The registry base address.</summary>
    public Uri BaseAddress => http.BaseAddress!;

    /// <summary>A client with its own HttpClient that answers Basic and Bearer challenges.</summary>
    public static RegistryApiClient Create(Uri registry, RegistryCredentials? credentials = null)
    {
        var handler = new RegistryChallengeHandler(credentials) { InnerHandler = new SocketsHttpHandler() };
        ArgumentNullException.ThrowIfNull(registry);
        var baseAddress = registry.AbsoluteUri.EndsWith('/') ? registry : new Uri(registry.AbsoluteUri + "/");
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(10) };
        return new RegistryApiClient(client);
    }

    /// <summary>Whether the blob is linked into the repository (HEAD).</summary>
    public async Task<bool> BlobExistsAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendReadAsync(
            () => new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{digest}"), cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureSuccessAsync(response, "HEAD blob", cancellationToken);
        return true;
    }

    /// <summary>Monolithic upload: POST an upload session, then PUT the whole blob with ?digest=.</summary>
    public async Task UploadBlobAsync(
        string repository,
        ReadOnlyMemory<byte> content,
        string digest,
        CancellationToken cancellationToken)
    {
        var location = await StartUploadAsync(repository, cancellationToken);
        using var put = new HttpRequestMessage(HttpMethod.Put, WithDigest(location, digest))
        {
            Content = new ReadOnlyMemoryContent(content),
        };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.SendAsync(put, cancellationToken);
        await EnsureSuccessAsync(response, "PUT blob", cancellationToken);
    }

    /// <summary>
    /// Streamed upload of unknown length: POST, one chunked PATCH written by <paramref name="write"/>, then
    /// PUT ?digest= with the digest the writer reports once it has finished.
    /// </summary>
    public async Task UploadStreamAsync(
        string repository,
        Func<Stream, CancellationToken, Task> write,
        Func<string> digestAfterWrite,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(digestAfterWrite);
        var location = await StartUploadAsync(repository, cancellationToken);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, location) { Content = new StreamingContent(write) };
        patch.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var patched = await http.SendAsync(patch, cancellationToken);
        await EnsureSuccessAsync(patched, "PATCH blob", cancellationToken);

        var next = patched.Headers.Location ?? throw new InvalidOperationException("PATCH gave no Location");
        using var put = new HttpRequestMessage(HttpMethod.Put, WithDigest(Absolute(next), digestAfterWrite()));
        using var response = await http.SendAsync(put, cancellationToken);
        await EnsureSuccessAsync(response, "PUT streamed blob", cancellationToken);
    }

    /// <summary>Cross-repository mount; false when the registry opened an upload session instead.</summary>
    public async Task<bool> TryMountBlobAsync(
        string repository,
        string digest,
        string fromRepository,
        CancellationToken cancellationToken)
    {
        var uri = $"v2/{repository}/blobs/uploads/?mount={Uri.EscapeDataString(digest)}"
            + $"&from={Uri.EscapeDataString(fromRepository)}";
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return true;
        }

        await EnsureSuccessAsync(response, "POST mount", cancellationToken);
        if (response.Headers.Location is { } location)
        {
            using var cancel = new HttpRequestMessage(HttpMethod.Delete, Absolute(location));
            using var cancelled = await http.SendAsync(cancel, cancellationToken);
        }

        return false;
    }

    /// <summary>PUTs a manifest by tag or digest; returns Docker-Content-Digest, checked against the body.</summary>
    public async Task<string> PutManifestAsync(
        string repository,
        string reference,
        string mediaType,
        byte[] body,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"v2/{repository}/manifests/{reference}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, $"PUT manifest {repository}:{reference}", cancellationToken);

        var expected = Images.ContentDigest.Of(body);
        var returned = response.Headers.TryGetValues("Docker-Content-Digest", out var values)
            ? values.First()
            : expected;
        if (returned != expected)
        {
            throw new InvalidOperationException($"Registry stored {returned}, the manifest body is {expected}");
        }

        return expected;
    }

    /// <summary>GETs a manifest exactly as stored, accepting every manifest type.</summary>
    public async Task<RawManifest> GetManifestAsync(
        string repository,
        string reference,
        CancellationToken cancellationToken)
    {
        using var response = await SendReadAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{reference}");
                request.Headers.TryAddWithoutValidation("Accept", Images.MediaTypes.AcceptManifests);
                return request;
            },
            cancellationToken);
        await EnsureSuccessAsync(response, $"GET manifest {repository}:{reference}", cancellationToken);
        return new RawManifest(
            await response.Content.ReadAsByteArrayAsync(cancellationToken),
            response.Content.Headers.ContentType?.MediaType,
            response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : null);
    }

    /// <summary>The digest a tag points at (HEAD), or null when the tag or repository is unknown.</summary>
    public async Task<string?> ResolveAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendReadAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/manifests/{reference}");
                request.Headers.TryAddWithoutValidation("Accept", Images.MediaTypes.AcceptManifests);
                return request;
            },
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"HEAD manifest {repository}:{reference}", cancellationToken);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : null;
    }

    /// <summary>GETs a whole blob (small blobs only: it is read into memory).</summary>
    public async Task<byte[]> GetBlobAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await SendReadAsync(
            () => new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/blobs/{digest}"), cancellationToken);
        await EnsureSuccessAsync(response, $"GET blob {digest}", cancellationToken);
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>Opens a blob as a stream; dispose the response when done.</summary>
    public async Task<HttpResponseMessage> OpenBlobAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken)
    {
        var response = await http.GetAsync(
            $"v2/{repository}/blobs/{digest}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await EnsureSuccessAsync(response, $"GET blob {digest}", cancellationToken);
        return response;
    }

    /// <summary>DELETEs a manifest by digest (distribution 2.8 also removes every tag pointing at it).</summary>
    public async Task DeleteManifestAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync($"v2/{repository}/manifests/{digest}", cancellationToken);
        await EnsureSuccessAsync(response, $"DELETE manifest {repository}@{digest}", cancellationToken);
    }

    /// <summary>All tags of a repository (follows Link pages); empty when the repository is unknown.</summary>
    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        var next = $"v2/{repository}/tags/list?n=1000";
        while (next is not null)
        {
            using var response = await http.GetAsync(next, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return tags;
            }

            await EnsureSuccessAsync(response, $"GET tags {repository}", cancellationToken);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (document.RootElement.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                tags.AddRange(list.EnumerateArray().Select(t => t.GetString()!));
            }

            next = NextLink(response);
        }

        return tags;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        http.Dispose();
    }

    /// <summary>
    /// Sends a read (HEAD or GET) and sends it again, a few times, while the registry answers 5xx.
    /// </summary>
    /// <remarks>
    /// The filesystem storage of distribution 2.8 rewrites a repository's blob link in place (truncate, then
    /// write), so a HEAD that lands while a parallel push of the same blob writes that link reads an empty file
    /// and answers 500. The next read a moment later finds the link complete.
    /// </remarks>
    private async Task<HttpResponseMessage> SendReadAsync(
        Func<HttpRequestMessage> createRequest,
        CancellationToken cancellationToken)
    {
        const int Attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            using var request = createRequest();
            var response = await http.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode < 500 || attempt == Attempts)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
        }
    }

    private async Task<Uri> StartUploadAsync(string repository, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/{repository}/blobs/uploads/");
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, "POST upload", cancellationToken);
        var location = response.Headers.Location ?? throw new InvalidOperationException("POST gave no Location");
        return Absolute(location);
    }

    private Uri Absolute(Uri location)
    {
        return location.IsAbsoluteUri ? location : new Uri(BaseAddress, location);
    }

    private static Uri WithDigest(Uri location, string digest)
    {
        var separator = string.IsNullOrEmpty(location.Query) ? "?" : "&";
        return new Uri(location + separator + "digest=" + Uri.EscapeDataString(digest));
    }

    private static string? NextLink(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = links.First();
        var start = link.IndexOf('<', StringComparison.Ordinal);
        var end = link.IndexOf('>', StringComparison.Ordinal);
        return start >= 0 && end > start ? link[(start + 1)..end].TrimStart('/') : null;
    }

    private static async Task EnsureSuccessAsync(
        HttpResponseMessage response,
        string operation,
        CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException(
            $"{operation} failed: {(int)response.StatusCode} {body}", null, response.StatusCode);
    }
}
