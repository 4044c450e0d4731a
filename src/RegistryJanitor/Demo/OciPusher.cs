using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace RegistryJanitor.Demo;

/// <summary>
/// The few write calls of the OCI distribution API the demo seeder needs: blob HEAD, monolithic upload
/// (POST then PUT), manifest HEAD and PUT, and the catalog. Anonymous or Basic auth.
/// </summary>
/// <remarks>
/// Token (Bearer) auth is not implemented: the seeder targets the throwaway demo registry, which is anonymous.
/// A registry that answers 401 gets a clear error naming the status.
/// </remarks>
internal sealed class OciPusher
{
    private const int MaxCatalogPages = 100;

    private readonly HttpClient http;
    private readonly Uri baseAddress;

    public OciPusher(HttpClient http, Uri baseAddress, string? username, string? password)
    {
        this.http = http;
        this.baseAddress = new Uri(baseAddress.ToString().TrimEnd('/') + "/");
        if (!string.IsNullOrEmpty(username))
        {
            var pair = System.Text.Encoding.UTF8.GetBytes($"{username}:{password}");
            http.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }
    }

    /// <summary>Blobs uploaded by this pusher (a blob the registry already had is not counted).</summary>
    public int BlobsUploaded { get; private set; }

    /// <summary>Bytes uploaded by this pusher.</summary>
    public long BytesUploaded { get; private set; }

    public async Task<IReadOnlyList<string>> ListRepositoriesAsync(CancellationToken cancellationToken)
    {
        var repositories = new List<string>();
        var next = new Uri(baseAddress, "v2/_catalog?n=1000");
        for (var page = 0; page < MaxCatalogPages; page++)
        {
            using var response = await http.GetAsync(next, cancellationToken);
            await EnsureAsync(response, "list the catalog", cancellationToken);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            repositories.AddRange((body?["repositories"]?.AsArray() ?? []).Select(r => r?.GetValue<string>() ?? ""));
            var link = response.Headers.TryGetValues("Link", out var values) ? values.FirstOrDefault() : null;
            if (link is null || link.IndexOf('<', StringComparison.Ordinal) < 0)
            {
                return repositories;
            }

            var start = link.IndexOf('<', StringComparison.Ordinal) + 1;
            next = new Uri(baseAddress, link[start..link.IndexOf('>', StringComparison.Ordinal)].TrimStart('/'));
        }

        return repositories;
    }

    public async Task<bool> ManifestExistsAsync(
        string repository, string reference, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, Url(repository, "manifests/" + reference));
        request.Headers.Accept.ParseAdd(Core.Model.MediaTypes.ManifestAccept);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await EnsureAsync(response, $"check {repository}:{reference}", cancellationToken);
        return true;
    }

    /// <summary>Uploads a blob unless the repository already has it.</summary>
    public async Task PushBlobAsync(
        string repository, string digest, byte[] content, CancellationToken cancellationToken)
    {
        using (var head = new HttpRequestMessage(HttpMethod.Head, Url(repository, "blobs/" + digest)))
        using (var exists = await http.SendAsync(head, cancellationToken))
        {
            if (exists.IsSuccessStatusCode)
            {
                return;
            }
        }

        using var start = await http.PostAsync(Url(repository, "blobs/uploads/"), null, cancellationToken);
        await EnsureAsync(start, $"start an upload to {repository}", cancellationToken);
        var location = start.Headers.Location
            ?? throw new HttpRequestException($"The registry gave no upload location for {repository}.");
        var upload = location.IsAbsoluteUri ? location : new Uri(baseAddress, location.ToString().TrimStart('/'));
        var separator = upload.Query.Length > 0 ? "&" : "?";
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await http.PutAsync(
            new Uri(upload + separator + "digest=" + Uri.EscapeDataString(digest)), body, cancellationToken);
        await EnsureAsync(put, $"upload {digest} to {repository}", cancellationToken);
        BlobsUploaded++;
        BytesUploaded += content.Length;
    }

    public async Task PutManifestAsync(
        string repository, string reference, string mediaType, byte[] manifest, CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(manifest);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await http.PutAsync(Url(repository, "manifests/" + reference), body, cancellationToken);
        await EnsureAsync(response, $"push {repository}:{reference}", cancellationToken);
    }

    private Uri Url(string repository, string rest) => new(baseAddress, $"v2/{repository}/{rest}");

    private static async Task EnsureAsync(
        HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        // The error body of a registry is short JSON; cap it anyway before it reaches the console.
        var detail = await response.Content.ReadAsStringAsync(cancellationToken);
        detail = detail.Length > 300 ? detail[..300] : detail;
        throw new HttpRequestException(
            $"The registry refused to {what}: {(int)response.StatusCode} {response.ReasonPhrase} {detail}".TrimEnd(),
            null, response.StatusCode);
    }
}
