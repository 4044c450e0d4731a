using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Cloud;
using RegistryJanitor.Registries.Http;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>Registry traffic of the cloud providers goes through the same retries and request counting.</summary>
public sealed class CloudRegistryPipelineTests
{
    [Fact]
    public async Task AcrRegistryHttpClient_TwoServiceUnavailableAnswers_RetriesAndCountsEveryAttempt()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = TimeProvider.System;
        await using var acr = await FakeAcrServer.StartAsync(clock, ct);
        acr.Manifests["team/app"] = [AcrTestData.Manifest("app-v1", 100, clock.GetUtcNow(), ["v1"])];
        acr.UnavailableResponses = 2;
        await using var services = CloudTestServices.Build(clock, new RecordingTokenCredential(clock));
        var options = new RegistryOptions { Name = "acr-retry", Provider = RegistryProvider.Acr, Url = acr.BaseUri };
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>().CreateAcr(options);
        var counter = services.GetRequiredService<RegistryRequestCounter>();

        using var response = await provider.RegistryHttpClient.GetAsync(
            new Uri(acr.BaseUri, "acr/v1/team/app/_manifests"), ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, acr.UnavailableResponses);
        var registryRequests = acr.Requests.Count(r => !r.Path.StartsWith("/oauth2/", StringComparison.Ordinal));
        Assert.True(registryRequests >= 3, $"two 503 answers and a success, saw {registryRequests} requests");
        Assert.Equal(registryRequests, counter.Get(acr.BaseUri.Authority));
    }
}
