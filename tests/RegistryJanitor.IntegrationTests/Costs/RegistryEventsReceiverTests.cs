using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RegistryJanitor.Events;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.Storage.Costs;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Costs;

public sealed class RegistryEventsReceiverTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const string DigestA = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string DigestB = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

    private static readonly DateTimeOffset Day1 = new(2026, 11, 30, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task Receive_WithoutOrWithWrongToken_Is401AndStoresNothing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = await EventsReceiverHost.StartAsync(database.DataSource, cancellationToken);
        using var client = new HttpClient();
        var body = Batch(PullEvent("u1", "web", DigestA, "GET", "containerd/1.7", Day1));

        using var missing = await client.PostAsync(host.EndpointFor("unauth"), Content(body), cancellationToken);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, host.EndpointFor("unauth"))
        {
            Content = Content(body),
        };
        wrong.Headers.TryAddWithoutValidation("Authorization", "Bearer not-the-token");
        using var wrongResponse = await client.SendAsync(wrong, cancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);
        var rows = await new PullCountStore(database.DataSource).ReadAsync(
            "unauth", DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task Receive_MixedBatchSentTwice_CountsManifestPullsOnceExcludingOwnScans()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = await EventsReceiverHost.StartAsync(database.DataSource, cancellationToken);
        using var client = new HttpClient();
        var events = new[]
        {
            PullEvent("m1", "web", DigestA, "GET", "containerd/1.7", Day1),
            PullEvent("m2", "web", DigestA, "HEAD", "containerd/1.7", Day1),
            PullEvent("m3", "web", DigestA, "GET", "docker/27.0", Day1.AddMinutes(2)),
            PullEvent("m4", "web", DigestB, "GET", "RegistryJanitor/1.0 (+scanner)", Day1),
            BlobPull("b1", "web", DigestB, Day1),
            Push("p1", "web", DigestB, Day1),
        };

        var first = await PostAsync(client, host.EndpointFor("mixed"), Batch(events), cancellationToken);
        var again = await PostAsync(client, host.EndpointFor("mixed"), Batch(events), cancellationToken);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, again);
        var rows = await new PullCountStore(database.DataSource).ReadAsync(
            "mixed", DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
        var expectedDay1 = DateOnly.FromDateTime(Day1.UtcDateTime);
        var expectedDay2 = DateOnly.FromDateTime(Day1.AddMinutes(2).UtcDateTime);
        var counts = rows.Select(r => (r.Repository, r.ManifestDigest, r.Day, r.PullCount));
        Assert.Equal([("web", DigestA, expectedDay1, 2L), ("web", DigestA, expectedDay2, 1L)], counts);
        Assert.All(rows, r => Assert.Equal(PullCountStore.RegistryEventsSource, r.Source));
    }

    [Fact]
    public async Task Receive_WrongContentTypeOrMalformedBody_IsRefused()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var host = await EventsReceiverHost.StartAsync(database.DataSource, cancellationToken);
        using var client = new HttpClient();

        using var text = new HttpRequestMessage(HttpMethod.Post, host.EndpointFor("bad"))
        {
            Content = new StringContent("{}", Encoding.UTF8, "text/plain"),
        };
        text.Headers.TryAddWithoutValidation("Authorization", EventsReceiverHost.Token);
        using var textResponse = await client.SendAsync(text, cancellationToken);
        var malformed = await PostAsync(client, host.EndpointFor("bad"), "{\"events\": 3", cancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textResponse.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
    }

    private static async Task<HttpStatusCode> PostAsync(
        HttpClient client, Uri endpoint, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = Content(body) };
        request.Headers.TryAddWithoutValidation("Authorization", EventsReceiverHost.Token);
        using var response = await client.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private static StringContent Content(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(RegistryEventsEndpoint.EventsMediaType);
        return content;
    }

    private static string Batch(params object[] events) => JsonSerializer.Serialize(new { events });

    private static object PullEvent(
        string id, string repository, string digest, string method, string userAgent, DateTimeOffset at) => new
        {
            id,
            timestamp = at,
            action = "pull",
            target = new
            {
                mediaType = "application/vnd.oci.image.manifest.v1+json",
                digest,
                repository,
                url = $"http://registry/v2/{repository}/manifests/{digest}",
            },
            request = new { method, useragent = userAgent },
        };

    private static object BlobPull(string id, string repository, string digest, DateTimeOffset at) => new
    {
        id,
        timestamp = at,
        action = "pull",
        target = new
        {
            mediaType = "application/octet-stream",
            digest,
            repository,
            url = $"http://registry/v2/{repository}/blobs/{digest}",
        },
        request = new { method = "GET", useragent = "containerd/1.7" },
    };

    private static object Push(string id, string repository, string digest, DateTimeOffset at) => new
    {
        id,
        timestamp = at,
        action = "push",
        target = new
        {
            mediaType = "application/vnd.oci.image.manifest.v1+json",
            digest,
            repository,
            url = $"http://registry/v2/{repository}/manifests/{digest}",
        },
        request = new { method = "PUT", useragent = "buildkit/0.12" },
    };
}
