using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>
/// Gives a distribution 2.8 registry (which has no referrers API) the OCI 1.1 referrers endpoint: a GET of
/// <c>/v2/NAME/referrers/DIGEST</c> is answered here with an OCI image index of the referrers registered for that
/// subject (an empty index when there are none, as the spec says); every other request goes to the registry.
/// </summary>
internal sealed class ReferrersApiHandler : DelegatingHandler
{
    private const string IndexType = "application/vnd.oci.image.index.v1+json";

    private readonly ConcurrentDictionary<(string Repository, string Subject), List<PushedImage>> referrers = new();
    private readonly ConcurrentQueue<string> asked = new();

    /// <summary>The subjects asked for, as <c>repository@digest</c>, in order.</summary>
    public IReadOnlyList<string> Asked => [.. asked];

    public void Add(PushedImage referrer)
    {
        ArgumentNullException.ThrowIfNull(referrer);
        var key = (referrer.Repository, referrer.SubjectDigest!);
        referrers.GetOrAdd(key, _ => []).Add(referrer);
    }

    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var marker = path.IndexOf("/referrers/", StringComparison.Ordinal);
        if (request.Method != HttpMethod.Get || !path.StartsWith("/v2/", StringComparison.Ordinal) || marker < 0)
        {
            return base.SendAsync(request, cancellationToken);
        }

        var repository = path[4..marker];
        var subject = path[(marker + "/referrers/".Length)..];
        asked.Enqueue($"{repository}@{subject}");
        var listed = referrers.TryGetValue((repository, subject), out var found) ? found : [];
        var response = new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new ByteArrayContent(Index(listed)),
            RequestMessage = request,
        };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue(IndexType);
        return Task.FromResult(response);
    }

    private static byte[] Index(IEnumerable<PushedImage> listed)
    {
        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 2);
            json.WriteString("mediaType", IndexType);
            json.WriteStartArray("manifests");
            foreach (var referrer in listed)
            {
                json.WriteStartObject();
                json.WriteString("mediaType", referrer.MediaType);
                json.WriteString("digest", referrer.Digest);
                json.WriteNumber("size", referrer.Size);
                json.WriteString("artifactType", referrer.ArtifactType);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return output.ToArray();
    }
}
