using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Support.Database;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Scanning;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Scanner;

public sealed class BlobRedirectTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string User = "scanner";
    private const string Password = "s3cret";

    [Fact]
    public async Task ScanAsync_BlobRedirectedToAnotherPort_FollowsItWithoutTheAuthorizationHeader()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var credentials = new RegistryCredentials(User, Password);
        await using var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { HtpasswdUsers = new Dictionary<string, string> { [User] = Password } },
            cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress, credentials);
        var image = await builder.Image("redirect/app").Layer(l => l.File("/f", "redirected"))
            .PushAsync("v1", cancellationToken);
        await using var proxy = await BlobRedirectProxy.StartAsync(registry.BaseAddress, credentials,
            cancellationToken);
        await using var host = new ScannerHost(database.DataSource);
        var options = new RegistryOptions { Name = "redirect", Url = proxy.BaseAddress, Username = User,
            Password = Password };

        var scan = await host.ScanAsync(options, cancellationToken);
        var stored = await new InventoryRows(database.DataSource, "redirect").ManifestAsync(image.Digest,
            cancellationToken);

        Assert.Equal(ScanStatus.Succeeded, scan.Status);
        Assert.Equal(image.Platform.Os, stored?.Os);
        Assert.Equal(image.Platform.Architecture, stored?.Architecture);
        var configPath = $"/v2/redirect/app/blobs/{image.Config.Digest}";
        var redirected = Assert.Single(proxy.Redirected);
        Assert.Equal(configPath, redirected.Path);
        Assert.StartsWith("Basic ", redirected.Authorization, StringComparison.Ordinal);
        var served = Assert.Single(proxy.Served);
        Assert.Equal("/objects" + configPath[3..], served.Path);
        Assert.Null(served.Authorization);
    }
}
