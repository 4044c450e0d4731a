using System.Net;
using System.Net.Http.Headers;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class RegistryProcessTests
{
    [Fact]
    public async Task StartAsync_HtpasswdUsers_WrongPasswordGets401AndRightPasswordPushes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { HtpasswdUsers = new Dictionary<string, string> { ["ci"] = "right" } },
            cancellationToken);
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };

        var anonymous = await PingAsync(http, null, cancellationToken);
        var wrong = await PingAsync(http, new RegistryCredentials("ci", "wrong"), cancellationToken);
        var right = await PingAsync(http, new RegistryCredentials("ci", "right"), cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress, new RegistryCredentials("ci", "right"));
        var image = await builder.Image("team/app").Layer(l => l.File("/a", "a")).PushAsync("v1", cancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong);
        Assert.Equal(HttpStatusCode.OK, right);
        Assert.Equal(image.Digest, await builder.Client.ResolveAsync("team/app", "v1", cancellationToken));
    }

    [Fact]
    public async Task StartAsync_TokenAuth_TokenFromTestServerIsAcceptedAndWrongPasswordIsRefused()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var tokens = await TestTokenServer.StartAsync(cancellationToken: cancellationToken);
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { TokenAuth = tokens.RegistryAuth }, cancellationToken);
        using var http = new HttpClient { BaseAddress = registry.BaseAddress };

        using var challenge = await http.GetAsync("v2/", cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress, new RegistryCredentials("scanner", "s3cret"));
        var image = await builder.Image("team/app").Layer(l => l.File("/a", "a")).PushAsync("v1", cancellationToken);
        var fetched = await builder.Client.GetManifestAsync("team/app", image.Digest, cancellationToken);
        using var intruder = TestImageBuilder.For(registry.BaseAddress, new RegistryCredentials("scanner", "nope"));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(
            () => intruder.Client.GetManifestAsync("team/app", "v1", cancellationToken));

        Assert.Equal(HttpStatusCode.Unauthorized, challenge.StatusCode);
        var bearer = Assert.Single(challenge.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", bearer.Scheme);
        Assert.Contains($"realm=\"{tokens.Realm}\"", bearer.Parameter, StringComparison.Ordinal);
        Assert.Equal(image.Digest, fetched.DockerContentDigest);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(tokens.TokensIssued > 0);
        Assert.Equal(1, tokens.Rejected);
        // The registry names the actions in either order (pull,push or push,pull); both must be granted.
        Assert.Contains(tokens.Requests, r => r.User == "scanner" && r.Scopes.Any(scope =>
            scope.StartsWith("repository:team/app:", StringComparison.Ordinal)
            && scope["repository:team/app:".Length..].Split(',').Order(StringComparer.Ordinal)
                .SequenceEqual(["pull", "push"])));
    }

    [Fact]
    public async Task StartAsync_NotificationEndpoint_PullEventsForGetAndHeadArriveWithConfiguredHeader()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var recorder = await NotificationRecorder.StartAsync("Bearer n0tify", cancellationToken);
        var endpoint = new RegistryNotificationEndpoint(
            "recorder",
            recorder.Url,
            new Dictionary<string, string> { ["Authorization"] = "Bearer n0tify" },
            Timeout: TimeSpan.FromSeconds(2),
            Threshold: 3,
            Backoff: TimeSpan.FromMilliseconds(200),
            IgnoredMediaTypes: ["application/octet-stream"]);
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { Notifications = [endpoint] }, cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var image = await builder.Image("team/app").Layer(l => l.File("/a", "a")).PushAsync("v1", cancellationToken);

        await builder.Client.GetManifestAsync("team/app", "v1", cancellationToken);
        await builder.Client.ResolveAsync("team/app", "v1", cancellationToken);

        var timeout = TimeSpan.FromSeconds(30);
        var push = await recorder.WaitForAsync(
            e => e.Action == "push" && e.MediaType == MediaTypes.OciManifest, timeout, cancellationToken);
        var get = await recorder.WaitForAsync(
            e => e.Action == "pull" && e.Method == "GET", timeout, cancellationToken);
        var head = await recorder.WaitForAsync(
            e => e.Action == "pull" && e.Method == "HEAD", timeout, cancellationToken);
        Assert.Equal(image.Digest, push.Digest);
        Assert.Equal(("team/app", image.Digest, "v1"), (get.Repository, get.Digest, get.Tag));
        Assert.Equal(image.Digest, head.Digest);
        Assert.All(recorder.Authorizations, a => Assert.Equal("Bearer n0tify", a));
        Assert.Equal(0, recorder.Refused);
    }

    [Fact]
    public async Task GarbageCollectAsync_TagDeleted_FreesExactlyTheBlobsOnlyThatImageUsed()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var shared = TestLayer.Create(l => l.FileOfSize("/base.bin", 50_000, seed: 1));
        var kept = await builder.Image("team/app").Layer(shared).Layer(l => l.FileOfSize("/k", 20_000, seed: 2))
            .PushAsync("kept", cancellationToken);
        var dropped = await builder.Image("team/app").Layer(shared).Layer(l => l.FileOfSize("/d", 30_000, seed: 3))
            .Config(c => c.User("dropped")).PushAsync("dropped", cancellationToken);
        var before = registry.SumBlobDataBytes();

        await builder.Tags.DeleteTagAsync("team/app", "dropped", cancellationToken);
        var collected = await registry.GarbageCollectAsync(deleteUntagged: true, cancellationToken: cancellationToken);
        var after = registry.SumBlobDataBytes();

        var keptDigests = kept.Blobs.Select(b => b.Digest).ToHashSet();
        var expectedFreed = dropped.Blobs.Where(b => !keptDigests.Contains(b.Digest)).Sum(b => b.Size) + dropped.Size;
        Assert.True(collected.ExitCode == 0, collected.Output);
        Assert.Equal(expectedFreed, before - after);
        Assert.Equal(
            kept.Blobs.Select(b => b.Digest).Append(kept.Digest).ToHashSet(),
            RegistryStorage.StoredDigests(registry.StorageRoot));
    }

    private static async Task<HttpStatusCode> PingAsync(
        HttpClient http,
        RegistryCredentials? credentials,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v2/");
        if (credentials is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicParameter());
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }
}
