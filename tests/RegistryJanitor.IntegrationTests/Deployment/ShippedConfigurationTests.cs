using System.Security.Cryptography;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// The configuration the deployment files give the service passes the service's own <c>config check</c>, with
/// the secrets supplied as files the way the cluster and Compose mount them.
/// </summary>
public sealed class ShippedConfigurationTests : IDisposable
{
    private const string KubernetesSecretsPath = "/var/run/secrets/registryjanitor";
    private const string ComposeSecretsPath = "/run/secrets";

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("rj-shipped-config-");

    [Fact]
    public async Task ConfigCheck_KubernetesConfigurationWithMountedSecrets_IsValidAndRedacted()
    {
        var settings = RepositoryFiles.ReadAllText("deploy/kubernetes/appsettings.Production.json");
        var secrets = WriteSecrets(["postgres-connection", "registry-0-password"]);
        var configFile = Path.Combine(_scratch.FullName, "appsettings.Production.json");
        await File.WriteAllTextAsync(configFile,
            settings.Replace(KubernetesSecretsPath, _scratch.FullName, StringComparison.Ordinal),
            TestContext.Current.CancellationToken);

        var (exitCode, output, error) = await ServiceCommand.RunAsync(["config", "check", "--config", configFile],
            new Dictionary<string, string>(), _scratch.FullName, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"config check failed ({exitCode}): {error}");
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
        Assert.Contains($"Registries:0:PasswordFile = {_scratch.FullName}/registry-0-password", output,
            StringComparison.Ordinal);
        Assert.All(secrets.Values, secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfigCheck_ComposeServiceEnvironmentWithSecretFiles_IsValidAndRedacted()
    {
        var service = YamlDocuments.Load(RepositoryFiles.ReadAllText("docker-compose.yml"))
            .At("services.registryjanitor");
        var secrets = WriteSecrets(service["secrets"].Texts());
        var environment = service["environment"].Entries().ToDictionary(pair => pair.Key,
            pair => pair.Value.Text().Replace(ComposeSecretsPath, _scratch.FullName, StringComparison.Ordinal),
            StringComparer.Ordinal);

        var (exitCode, output, error) = await ServiceCommand.RunAsync(["config", "check"], environment,
            _scratch.FullName, TestContext.Current.CancellationToken);

        Assert.True(exitCode == 0, $"config check failed ({exitCode}): {error}");
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
        Assert.Contains(environment, pair => pair.Key == "ConnectionStrings__PostgresFile"
            && File.Exists(pair.Value));
        Assert.All(secrets.Values, secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
    }

    public void Dispose() => _scratch.Delete(recursive: true);

    /// <summary>One file per secret name in the scratch folder; connection strings get a real shape.</summary>
    private Dictionary<string, string> WriteSecrets(IEnumerable<string> names)
    {
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var content = name.Contains("connection", StringComparison.Ordinal)
                ? $"Host=postgres;Database=registryjanitor;Username=registryjanitor;Password={secret}"
                : secret;
            File.WriteAllText(Path.Combine(_scratch.FullName, name), content + "\n");
            secrets[name] = secret;
        }

        return secrets;
    }
}
