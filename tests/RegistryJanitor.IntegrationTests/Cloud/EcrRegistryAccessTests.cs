using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RegistryJanitor.Core.Model;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Registries.Cloud;
using RegistryJanitor.Registries.Ecr;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// GetAuthorizationToken then the registry's <c>/v2</c> API: against a real distribution registry with htpasswd
/// <c>AWS:&lt;password&gt;</c> (as ECR accepts), and a blob redirect to storage that must not carry the credential.
/// </summary>
public sealed class EcrRegistryAccessTests
{
    [Fact]
    public async Task GetManifestAndBlob_AuthorizationTokenAgainstHtpasswdRegistry_ReadsVerifiedContentAndRenewsEarly()
    {
        var ct = TestContext.Current.CancellationToken;
        // ECR's registry takes user AWS with the GetAuthorizationToken password; htpasswd Basic behaves the same.
        var password = "ecr-" + Guid.NewGuid().ToString("N");
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { HtpasswdUsers = new Dictionary<string, string> { ["AWS"] = password } }, ct);
        using var builder = TestImageBuilder.For(registry.BaseAddress, new RegistryCredentials("AWS", password));
        var image = await builder.Image("team/app").Layer(l => l.File("/srv/a.txt", "alpha")).PushAsync("v1", ct);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero));
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        ecr.AuthorizationToken = Convert.ToBase64String(
            Encoding.UTF8.GetBytes("AWS:" + password));
        ecr.ProxyEndpoint = registry.BaseAddress;
        ecr.AuthorizationExpiresAt = clock.GetUtcNow().AddHours(12).ToUnixTimeSeconds();
        await using var services = CloudTestServices.Build(clock);
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>()
            .CreateEcr(EcrTestData.Options(ecr, registry.BaseAddress));

        var manifest = await provider.GetManifestAsync("team/app", "v1", ct);
        await using var config = await provider.OpenBlobAsync("team/app", Digest.Parse(image.Config.Digest), ct);
        using var configBytes = new MemoryStream();
        await config.CopyToAsync(configBytes, ct);

        Assert.NotNull(manifest);
        Assert.Equal(image.Digest, manifest.Digest.ToString());
        Assert.Equal(image.Body.ToArray(), manifest.Body.ToArray());
        Assert.Equal(
            image.Config.Digest, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(configBytes.ToArray())));
        Assert.Single(ecr.Calls("GetAuthorizationToken"));
        using (var anonymous = new HttpClient())
        {
            using var refused = await anonymous.GetAsync(new Uri(registry.BaseAddress, "v2/team/app/manifests/v1"), ct);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        clock.Advance(TimeSpan.FromHours(12) - EcrRegistryClient.RenewBeforeExpiry - TimeSpan.FromSeconds(1));
        await provider.GetManifestAsync("team/app", image.Digest, ct);
        Assert.Single(ecr.Calls("GetAuthorizationToken"));

        clock.Advance(TimeSpan.FromSeconds(2));
        await provider.GetManifestAsync("team/app", image.Digest, ct);
        Assert.Equal(2, ecr.Calls("GetAuthorizationToken").Count());
    }

    [Fact]
    public async Task OpenBlobAsync_RedirectToStorageOrigin_StorageRequestCarriesNoAuthorization()
    {
        var ct = TestContext.Current.CancellationToken;
        var blob = Encoding.UTF8.GetBytes("layer bytes served by object storage");
        var digest = Digest.Sha256Of(blob);
        await using var storage = await FakeHttpServer.StartAsync(
            async (_, context) => await context.Response.Body.WriteAsync(blob, ct), ct);
        var presigned = new Uri(
            storage.BaseUri, $"prod-us-east-1-starport-layer-bucket/{digest.Hex}?X-Amz-Signature=abc");
        await using var fakeRegistry = await FakeHttpServer.StartAsync(
            (_, context) =>
            {
                // ECR answers a blob GET with 307 to a presigned S3 URL on another origin.
                context.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                context.Response.Headers.Location = presigned.ToString();
                return Task.CompletedTask;
            },
            ct);
        await using var ecr = await FakeEcrServer.StartAsync(ct);
        ecr.AuthorizationToken = Convert.ToBase64String("AWS:secret-password"u8);
        ecr.ProxyEndpoint = fakeRegistry.BaseUri;
        ecr.AuthorizationExpiresAt = DateTimeOffset.FromUnixTimeSeconds(4_102_444_800).ToUnixTimeSeconds();
        await using var services = CloudTestServices.Build(TimeProvider.System);
        using var provider = services.GetRequiredService<CloudRegistryProviderFactory>()
            .CreateEcr(EcrTestData.Options(ecr, fakeRegistry.BaseUri));

        await using var stream = await provider.OpenBlobAsync("app", digest, ct);
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes, ct);

        Assert.Equal(blob, bytes.ToArray());
        var registryRequest = Assert.Single(fakeRegistry.Requests);
        Assert.Equal($"/v2/app/blobs/{digest}", registryRequest.Path);
        Assert.Equal("Basic " + ecr.AuthorizationToken, registryRequest.Header("Authorization"));
        var storageRequest = Assert.Single(storage.Requests);
        Assert.Equal(presigned.AbsolutePath, storageRequest.Path);
        Assert.Null(storageRequest.Header("Authorization"));
    }
}
