using System.Net.Http.Headers;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using RegistryJanitor.Storage.Costs;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Costs;

public sealed class RegistryNotificationsTests(PostgresDatabaseFixture database)
    : IClassFixture<PostgresDatabaseFixture>
{
    private const string ManifestAccept =
        "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

    [Fact]
    public async Task RealRegistry_GetAndHeadByClientsAndOwnScan_CountsOnlyTheClientPulls()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var receiver = await EventsReceiverHost.StartAsync(database.DataSource, cancellationToken);
        var endpoint = new RegistryNotificationEndpoint(
            "janitor",
            receiver.EndpointFor("real"),
            new Dictionary<string, string> { ["Authorization"] = EventsReceiverHost.Token },
            IgnoredMediaTypes: ["application/octet-stream"]);
        var options = new RegistryProcessOptions { Notifications = [endpoint] };
        await using var registry = await RegistryProcess.StartAsync(options, cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var image = await builder.Image("team/web")
            .Layer(l => l.File("/app/index.html", "hello"))
            .PushAsync("1.0", cancellationToken);
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };

        await RequestManifestAsync(http, HttpMethod.Get, "RegistryJanitor/1.0", cancellationToken);
        await RequestManifestAsync(http, HttpMethod.Get, "containerd/1.7.0", cancellationToken);
        await RequestManifestAsync(http, HttpMethod.Head, "containerd/1.7.0", cancellationToken);

        var store = new PullCountStore(database.DataSource);
        long counted = 0;
        await Eventually.HoldsAsync(
            async () =>
            {
                var rows = await store.ReadAsync("real", DateOnly.MinValue, DateOnly.MaxValue, cancellationToken);
                counted = rows.Where(r => r.ManifestDigest == image.Digest).Sum(r => r.PullCount);
                return counted >= 2;
            },
            "the registry's pull events reach the receiver",
            TimeSpan.FromSeconds(30),
            cancellationToken);
        Assert.Equal(2, counted);
    }

    private static async Task RequestManifestAsync(
        HttpClient http, HttpMethod method, string userAgent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, "/v2/team/web/manifests/1.0");
        request.Headers.Accept.ParseAdd(ManifestAccept);
        request.Headers.UserAgent.Add(ProductInfoHeaderValue.Parse(userAgent));
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
