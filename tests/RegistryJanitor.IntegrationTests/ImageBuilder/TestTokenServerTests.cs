using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class TestTokenServerTests
{
    [Fact]
    public async Task StartAsync_TokenOnlyWithoutExpiresIn_ResponseCarriesJustTokenAndIssuedAt()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var tokens = await TestTokenServer.StartAsync(
            new TestTokenServerOptions { ResponseShape = TokenResponseShape.TokenOnly, IncludeExpiresIn = false },
            cancellationToken);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(
            HttpMethod.Get, tokens.Realm + "?service=registryjanitor-test&scope=repository:a/b:pull");
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", new RegistryCredentials("scanner", "s3cret").BasicParameter());

        using var response = await http.SendAsync(request, cancellationToken);

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["issued_at", "token"], names);
        Assert.Equal(3, json.RootElement.GetProperty("token").GetString()!.Split('.').Length);
        var recorded = Assert.Single(tokens.Requests);
        Assert.Equal(("scanner", "registryjanitor-test", 200), (recorded.User, recorded.Service, recorded.StatusCode));
        Assert.Equal(["repository:a/b:pull"], recorded.Scopes);
    }

    [Fact]
    public async Task Grant_PullOnlyForUser_RegistryRefusesPushButServesPull()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var seedUser = new RegistryCredentials("seeder", "seed");
        var readerUser = new RegistryCredentials("reader", "read");
        await using var tokens = await TestTokenServer.StartAsync(
            new TestTokenServerOptions
            {
                Users = new Dictionary<string, string> { ["seeder"] = "seed", ["reader"] = "read" },
                Grant = (user, _, _, actions) => user == "reader" ? [.. actions.Where(a => a == "pull")] : actions,
            },
            cancellationToken);
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { TokenAuth = tokens.RegistryAuth }, cancellationToken);
        using var seeder = TestImageBuilder.For(registry.BaseAddress, seedUser);
        using var reader = TestImageBuilder.For(registry.BaseAddress, readerUser);
        var image = await seeder.Image("team/app").Layer(l => l.File("/a", "a")).PushAsync("v1", cancellationToken);

        var pulled = await reader.Client.ResolveAsync("team/app", "v1", cancellationToken);
        var push = await Assert.ThrowsAsync<HttpRequestException>(
            () => reader.Image("team/app").Layer(l => l.File("/b", "b")).PushAsync("v2", cancellationToken));

        Assert.Equal(image.Digest, pulled);
        Assert.Equal(HttpStatusCode.Unauthorized, push.StatusCode);
    }
}
