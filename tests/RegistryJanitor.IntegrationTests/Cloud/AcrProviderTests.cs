using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Acr;
using RegistryJanitor.Registries.Cloud;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>The ACR provider against <see cref="FakeAcrServer"/> (shapes from the Azure REST spec examples).</summary>
public sealed class AcrProviderTests
{
    private static readonly string[] Names = ["index", "amd64", "arm64", "attestation", "old", "stable"];
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ListAsync_EntraId_ExchangesOnceAndCachesAccessTokensPerScopeUntilShortlyBeforeExp()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var acr = await FakeAcrServer.StartAsync(clock, ct);
        acr.Manifests["team/app"] = [AcrTestData.Manifest("app-v1", 100, Start, ["v1"])];
        var credential = new RecordingTokenCredential(clock);
        await using var services = CloudTestServices.Build(clock, credential);
        var options = AcrOptions(acr);
        options.Settings[AcrSettings.AudienceKey] = "https://containerregistry.azure.net";
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>().CreateAcr(options);

        var repositories = await provider.ListRepositoriesAsync(ct).ToListAsync(ct);
        var manifests = await provider.ListManifestsAsync("team/app", ct).ToListAsync(ct);
        await provider.ListRepositoriesAsync(ct).ToListAsync(ct);
        await provider.ListManifestsAsync("team/app", ct).ToListAsync(ct);

        Assert.Equal(["team/app"], repositories);
        Assert.Equal([AcrTestData.DigestOf("app-v1")], manifests.Select(m => m.Digest));
        Assert.Equal(1, acr.Count("/oauth2/exchange"));
        Assert.Equal(2, acr.Count("/oauth2/token"));
        Assert.Equal(["https://containerregistry.azure.net/.default"], credential.RequestedScopes);
        Assert.DoesNotContain(acr.Requests, r => r.Path.StartsWith("/acr/", StringComparison.Ordinal)
            && r.Header("Authorization") is null);
        var exchange = acr.Requests.Single(r => r.Path == "/oauth2/exchange").Form();
        Assert.Equal("access_token", exchange["grant_type"].Single());
        Assert.Equal(acr.Service, exchange["service"].Single());
        Assert.Equal("aad-https://containerregistry.azure.net/.default", exchange["access_token"].Single());
        var scopes = acr.Requests.Where(r => r.Path == "/oauth2/token").Select(r => r.Form()).ToList();
        Assert.All(scopes, form => Assert.Equal("refresh_token", form["grant_type"].Single()));
        Assert.Equal(
            ["registry:catalog:*", "repository:team/app:metadata_read"], scopes.Select(f => f["scope"].Single()));

        // An access token is renewed RenewBeforeExpiry (5 min) before its exp, not after it lapsed.
        clock.Advance(acr.AccessTokenLifetime - TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await provider.ListRepositoriesAsync(ct).ToListAsync(ct);
        Assert.Equal(3, acr.Count("/oauth2/token"));
        Assert.Equal(1, acr.Count("/oauth2/exchange"));

        // The refresh token is renewed the same way: a new exchange, and a new Entra ID token for it.
        clock.Advance(acr.RefreshTokenLifetime - acr.AccessTokenLifetime);
        await provider.ListRepositoriesAsync(ct).ToListAsync(ct);
        Assert.Equal(2, acr.Count("/oauth2/exchange"));
        Assert.Equal(4, acr.Count("/oauth2/token"));
        Assert.Equal(2, credential.RequestedScopes.Count);
    }

    [Fact]
    public async Task ListAsync_AnonymousWithPasswordGrant_UsesGrantTypePasswordAndNoExchange()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var acr = await FakeAcrServer.StartAsync(clock, ct);
        acr.AnonymousTokenGrant = true;
        acr.Manifests["public/app"] = [AcrTestData.Manifest("public-v1", 10, Start, ["v1"])];
        await using var services = CloudTestServices.Build(clock);
        var options = AcrOptions(acr);
        options.Settings[AcrSettings.AuthKey] = "Anonymous";
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>().CreateAcr(options);

        var manifests = await provider.ListManifestsAsync("public/app", ct).ToListAsync(ct);

        Assert.Equal([AcrTestData.DigestOf("public-v1")], manifests.Select(m => m.Digest));
        Assert.Equal(0, acr.Count("/oauth2/exchange"));
        var token = acr.Requests.Single(r => r.Path == "/oauth2/token").Form();
        Assert.Equal("password", token["grant_type"].Single());
        Assert.Equal("repository:public/app:metadata_read", token["scope"].Single());
        Assert.StartsWith("Bearer ", acr.Requests.Single(r => r.Path.EndsWith("/_manifests", StringComparison.Ordinal))
            .Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_AnonymousWithoutTokenService_SendsPlainRequests()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var acr = await FakeAcrServer.StartAsync(clock, ct);
        acr.AllowAnonymousReads = true;
        acr.Manifests["public/app"] = [AcrTestData.Manifest("public-v1", 10, Start, ["v1"])];
        await using var services = CloudTestServices.Build(clock);
        var options = AcrOptions(acr);
        options.Settings[AcrSettings.AuthKey] = "Anonymous";
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>().CreateAcr(options);

        var repositories = await provider.ListRepositoriesAsync(ct).ToListAsync(ct);
        await provider.ListRepositoriesAsync(ct).ToListAsync(ct);

        Assert.Equal(["public/app"], repositories);
        Assert.Equal(1, acr.Count("/oauth2/token"));
        Assert.All(acr.Requests.Where(r => r.Path == "/acr/v1/_catalog"), r => Assert.Null(r.Header("Authorization")));
    }

    [Fact]
    public async Task ListManifestFactsAsync_LinkPagesWithOrderBy_ReturnsEveryManifestWithRolesAndLocks()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var acr = await FakeAcrServer.StartAsync(clock, ct);
        acr.Manifests["team/app"] =
        [
            AcrTestData.Manifest("index", 500, Start.AddHours(-1), ["v2"], MediaTypes.OciIndex, configMediaType: null,
                children: ["amd64", "arm64", "attestation"]),
            AcrTestData.Manifest("amd64", 200, Start.AddHours(-2), []),
            AcrTestData.Manifest("arm64", 210, Start.AddHours(-3), []),
            AcrTestData.Manifest("attestation", 5, Start.AddHours(-4), [], configMediaType: MediaTypes.InToto),
            AcrTestData.Manifest("old", 180, Start.AddDays(-40), []),
            AcrTestData.Manifest("stable", 190, Start.AddDays(-50), ["stable", "1.0"], deleteEnabled: false),
        ];
        await using var services = CloudTestServices.Build(clock, new RecordingTokenCredential(clock));
        var options = AcrOptions(acr);
        options.Settings[AcrSettings.PageSizeKey] = "2";
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>().CreateAcr(options);

        var facts = await provider.ListManifestFactsAsync("team/app", ct);

        var pages = acr.Requests.Where(r => r.Path == "/acr/v1/team/app/_manifests").ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, page => Assert.Equal("timedesc", page.QueryValue("orderby")));
        Assert.Equal([null, AcrTestData.DigestOf("amd64").ToString(), AcrTestData.DigestOf("attestation").ToString()],
            pages.Select(page => page.QueryValue("last")));
        var byName = Names
            .ToDictionary(name => name, name => facts.Single(f => f.Manifest.Digest == AcrTestData.DigestOf(name)));
        Assert.Equal(6, facts.Count);
        Assert.Equal(CloudManifestRole.Tagged, byName["index"].Role);
        Assert.Equal(CloudManifestRole.IndexChild, byName["amd64"].Role);
        Assert.Equal(CloudManifestRole.IndexChild, byName["arm64"].Role);
        Assert.Equal(CloudManifestRole.IndexChild, byName["attestation"].Role);
        Assert.Equal(CloudManifestRole.Untagged, byName["old"].Role);
        Assert.Equal(CloudManifestRole.Tagged, byName["stable"].Role);
        Assert.Equal(Names[1..4].Select(AcrTestData.DigestOf), byName["index"].Children);
        Assert.True(byName["stable"].Manifest.Locked);
        Assert.False(byName["old"].Manifest.Locked);
        Assert.Equal(["stable", "1.0"], byName["stable"].Manifest.Tags);
        Assert.Equal(180, byName["old"].Manifest.SizeBytes);
        Assert.Equal(Start.AddDays(-40).AddMinutes(-1), byName["old"].Manifest.PushedAt);
        Assert.All(facts, f => Assert.Equal(AcrRegistryProvider.ManifestSource, f.Manifest.Source));
    }

    [Fact]
    public async Task ArmStatistics_UsageReadableMetricsForbidden_StorageAvailablePullsUnavailable()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var acr = await FakeAcrServer.StartAsync(clock, ct);
        acr.BilledStorageBytes = 7_340_032_123;
        acr.MetricsForbidden = true;
        await using var services = CloudTestServices.Build(clock, new RecordingTokenCredential(clock));
        var options = AcrOptions(acr);
        options.Settings[AcrSettings.ArmEndpointKey] = acr.BaseUri.ToString();
        options.Settings[AcrSettings.ResourceIdKey] =
            "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/reg";
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>().CreateAcr(options);

        var storage = await provider.Arm.GetBilledStorageBytesAsync(ct);
        var pulls = await provider.Arm.GetDailyPullCountsAsync(
            new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1), ct);

        Assert.True(storage.Available);
        Assert.Equal(7_340_032_123, storage.Value);
        Assert.False(pulls.Available);
        Assert.Contains("403", pulls.UnavailableReason, StringComparison.Ordinal);
        Assert.Equal(AcrArmClient.PullSource, pulls.Source);
        var metricsCall = acr.Requests.Single(r => r.Path.EndsWith("/metrics", StringComparison.Ordinal));
        Assert.Equal("TotalPullCount", metricsCall.QueryValue("metricnames"));
        Assert.Equal("2026-11-01T00:00:00Z/2026-12-01T00:00:00Z", metricsCall.QueryValue("timespan"));
    }

    [Fact]
    public async Task RegistryHttpClient_ChallengeForAnotherScope_RetriesOnceWithATokenForTheChallengedScope()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new FakeTimeProvider(Start);
        await using var acr = await FakeAcrServer.StartAsync(clock, ct);
        acr.Manifests["team/app"] = [AcrTestData.Manifest("app-v1", 100, Start, ["v1"])];
        await using var services = CloudTestServices.Build(clock, new RecordingTokenCredential(clock));
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>().CreateAcr(AcrOptions(acr));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(acr.BaseUri, "acr/v1/team/app/_manifests"));
        request.Options.Set(AcrAuthenticationHandlerScope, "repository:other:pull");

        using var response = await provider.RegistryHttpClient.SendAsync(request, ct);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, acr.Requests.Count(r => r.Path == "/acr/v1/team/app/_manifests"));
        Assert.Equal(
            ["repository:other:pull", "repository:team/app:metadata_read"],
            acr.Requests.Where(r => r.Path == "/oauth2/token").Select(r => r.Form()["scope"].Single()));
    }

    private static readonly HttpRequestOptionsKey<string> AcrAuthenticationHandlerScope =
        RegistryJanitor.Registries.Acr.AcrAuthenticationHandler.ScopeOption;

    private static RegistryOptions AcrOptions(FakeAcrServer acr) =>
        new() { Name = "acr-test", Provider = RegistryProvider.Acr, Url = acr.BaseUri };
}
