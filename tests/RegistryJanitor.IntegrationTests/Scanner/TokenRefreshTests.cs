using Microsoft.Extensions.Time.Testing;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

public sealed class TokenRefreshTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string User = "scanner";
    private const string Password = "s3cret";
    private const string Repository = "refresh/app";

    [Fact]
    public async Task HeadManifestAsync_TokenPastItsExpiry_FetchesANewTokenBeforeSending()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var lifetime = TimeSpan.FromMinutes(2);
        await using var tokens = await TestTokenServer.StartAsync(
            new TestTokenServerOptions { TokenLifetime = lifetime }, cancellationToken);
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { TokenAuth = tokens.RegistryAuth }, cancellationToken);
        var image = await SeedAsync(registry.BaseAddress, cancellationToken);
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var host = new ScannerHost(database.DataSource, timeProvider: clock);
        var provider = CreateProvider(host, registry.BaseAddress);
        var issuedBefore = tokens.TokensIssued;

        var first = await provider.HeadManifestAsync(Repository, "v1", cancellationToken);
        var cached = await provider.HeadManifestAsync(Repository, "v1", cancellationToken);
        var issuedWhileValid = tokens.TokensIssued - issuedBefore;
        host.Requests.Clear();
        clock.Advance(lifetime);
        var renewed = await provider.HeadManifestAsync(Repository, "v1", cancellationToken);
        var issuedAfterExpiry = tokens.TokensIssued - issuedBefore;

        Assert.Equal(image.Digest, first?.Digest.ToString());
        Assert.Equal(image.Digest, cached?.Digest.ToString());
        Assert.Equal(image.Digest, renewed?.Digest.ToString());
        Assert.Equal(1, issuedWhileValid);
        Assert.Equal(2, issuedAfterExpiry);
        Assert.Single(host.Requests.Requests);
        Assert.Contains($"repository:{Repository}:pull", tokens.Requests[^1].Scopes);
    }

    [Fact]
    public async Task HeadManifestAsync_RegistryRejectsACachedToken_FetchesANewTokenAndRetries()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var tokens = await TestTokenServer.StartAsync(cancellationToken: cancellationToken);
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { TokenAuth = tokens.RegistryAuth }, cancellationToken);
        var image = await SeedAsync(registry.BaseAddress, cancellationToken);
        var rejecting = new RejectOnceHandler(tokens.RegistryAuth.Realm, tokens.RegistryAuth.Service);
        await using var host = new ScannerHost(database.DataSource, extraHandler: () => rejecting);
        var provider = CreateProvider(host, registry.BaseAddress);
        var issuedBefore = tokens.TokensIssued;

        await provider.HeadManifestAsync(Repository, "v1", cancellationToken);
        var issuedBeforeRejection = tokens.TokensIssued - issuedBefore;
        rejecting.Arm();
        var afterRejection = await provider.HeadManifestAsync(Repository, "v1", cancellationToken);
        var issuedAfterRejection = tokens.TokensIssued - issuedBefore;

        Assert.Equal(image.Digest, afterRejection?.Digest.ToString());
        Assert.Equal(1, issuedBeforeRejection);
        Assert.Equal(2, issuedAfterRejection);
        var sent = rejecting.AuthorizationsSinceArmed;
        Assert.Equal(2, sent.Count);
        Assert.All(sent, header => Assert.StartsWith("Bearer ", header, StringComparison.Ordinal));
        Assert.NotEqual(sent[0], sent[1]);
    }

    private static IRegistryProvider CreateProvider(ScannerHost host, Uri registry) =>
        host.Get<IEnumerable<IRegistryProviderFactory>>()
            .Single(f => f.Provider == RegistryProvider.Oci)
            .Create(new RegistryOptions { Name = "refresh", Url = registry, Username = User, Password = Password });

    private static async Task<PushedImage> SeedAsync(Uri registry, CancellationToken cancellationToken)
    {
        using var builder = TestImageBuilder.For(registry, new RegistryCredentials(User, Password));
        return await builder.Image(Repository).Layer(l => l.File("/f", "refresh")).PushAsync("v1", cancellationToken);
    }
}
