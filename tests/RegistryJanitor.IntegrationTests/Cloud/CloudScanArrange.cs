using System.Text;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using RegistryJanitor.Registries.Acr;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// The arrange steps the cloud scan tests share: a real distribution registry behind the fake ACR (anonymous
/// token grant) or the fake ECR (htpasswd <c>AWS:&lt;password&gt;</c>, handed out by GetAuthorizationToken).
/// </summary>
public static class CloudScanArrange
{
    /// <summary>A fake ACR whose <c>/v2</c> is <paramref name="registry"/>, reachable with anonymous pull.</summary>
    public static async Task<FakeAcrServer> StartAcrAsync(Uri registry, CancellationToken cancellationToken)
    {
        var acr = await FakeAcrServer.StartAsync(TimeProvider.System, cancellationToken);
        acr.Upstream = registry;
        acr.AnonymousTokenGrant = true;
        return acr;
    }

    /// <summary>Provider options for a scan of <paramref name="acr"/> under <paramref name="name"/>.</summary>
    public static RegistryOptions AcrOptions(FakeAcrServer acr, string name)
    {
        var options = new RegistryOptions { Name = name, Provider = RegistryProvider.Acr, Url = acr.BaseUri };
        options.Settings[AcrSettings.AuthKey] = "Anonymous";
        return options;
    }

    /// <summary>A distribution registry that accepts only user <c>AWS</c> with a fresh password.</summary>
    public static async Task<(RegistryProcess Registry, string Password)> StartEcrRegistryAsync(
        CancellationToken cancellationToken)
    {
        var password = "ecr-" + Guid.NewGuid().ToString("N");
        var registry = await RegistryProcess.StartAsync(
            new RegistryProcessOptions { HtpasswdUsers = new Dictionary<string, string> { ["AWS"] = password } },
            cancellationToken);
        return (registry, password);
    }

    /// <summary>The image builder for a registry from <see cref="StartEcrRegistryAsync"/>.</summary>
    public static TestImageBuilder EcrBuilder(Uri registry, string password) =>
        TestImageBuilder.For(registry, new RegistryCredentials("AWS", password));

    /// <summary>
    /// A fake ECR whose GetAuthorizationToken hands out <c>AWS:&lt;password&gt;</c> for the registry.
    /// </summary>
    public static async Task<FakeEcrServer> StartEcrAsync(
        Uri registry, string password, CancellationToken cancellationToken)
    {
        var ecr = await FakeEcrServer.StartAsync(cancellationToken);
        ecr.AuthorizationToken = Convert.ToBase64String(Encoding.UTF8.GetBytes("AWS:" + password));
        ecr.ProxyEndpoint = registry;
        ecr.AuthorizationExpiresAt = TimeProvider.System.GetUtcNow().AddHours(12).ToUnixTimeSeconds();
        return ecr;
    }

    /// <summary>Provider options for a scan of <paramref name="ecr"/> under <paramref name="name"/>.</summary>
    public static RegistryOptions EcrOptions(FakeEcrServer ecr, Uri registry, string name)
    {
        var options = EcrTestData.Options(ecr, registry);
        options.Name = name;
        options.Username = CloudTestServices.AwsCredentials.AccessKey;
        options.Password = CloudTestServices.AwsCredentials.SecretKey;
        return options;
    }
}
