using RegistryJanitor.IntegrationTests.Support.Host;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Foundation;

public sealed class ConfigCheckTests
{
    [Fact]
    public async Task ConfigCheck_SecretsFromEnvironmentAndFiles_PrintsSettingsWithSecretsRedacted()
    {
        using var folder = new TemporaryDirectory();
        var passwordFile = folder.WriteFile("registry-password", "file-secret-1\n");
        var connectionFile = folder.WriteFile(
            "postgres", "Host=127.0.0.1;Port=1;Username=janitor;Password=file-secret-2;Database=rj\n");
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__PostgresFile"] = connectionFile,
            ["Registries__0__Name"] = "main",
            ["Registries__0__Url"] = "https://registry.example",
            ["Registries__0__Username"] = "robot",
            ["Registries__0__PasswordFile"] = passwordFile,
            ["Registries__0__Settings__ClientSecret"] = "env-secret-3",
            ["Registries__0__Settings__Region"] = "eu-west-1",
        };

        var result = await ProductProcess.RunAsync(
            ["config", "check"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("configuration is valid", lines[0]);
        Assert.DoesNotContain("file-secret-1", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("file-secret-2", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("env-secret-3", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Registries:0:Password = ***", lines);
        Assert.Contains("Registries:0:Settings:ClientSecret = ***", lines);
        Assert.Contains("Registries:0:Settings:Region = eu-west-1", lines);
        Assert.Contains("Registries:0:Username = robot", lines);
        Assert.Contains(lines, line => line.StartsWith("ConnectionStrings:Postgres = ", StringComparison.Ordinal)
                                       && line.Contains("username=janitor", StringComparison.OrdinalIgnoreCase)
                                       && line.Contains("password=***", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ConfigCheck_ConfigFileOption_IsReadAndEnvironmentOverridesIt()
    {
        using var folder = new TemporaryDirectory();
        var configFile = folder.WriteFile("registryjanitor.json", """
            {
              "ConnectionStrings": { "Postgres": "Host=127.0.0.1;Port=1;Database=from_file" },
              "Service": { "ShutdownGracePeriod": "00:00:45" },
              "Registries": [ { "Name": "from-file", "Url": "http://127.0.0.1:5000" } ]
            }
            """);
        var environment = new Dictionary<string, string?> { ["Service__ShutdownGracePeriod"] = "00:00:10" };

        var result = await ProductProcess.RunAsync(
            ["--config", configFile, "config", "check"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Registries:0:Name = from-file", lines);
        Assert.Contains("Service:ShutdownGracePeriod = 00:00:10", lines);
        Assert.Contains(lines, line => line.Contains("database=from_file", StringComparison.OrdinalIgnoreCase));
    }
}
