using System.Text.Json;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>The runtime settings the built service starts with (its runtimeconfig.json beside the tests).</summary>
public sealed class RuntimeConfigurationTests
{
    [Fact]
    public void ServiceRuntimeConfig_Built_ThreadPoolWorkersSleepWithoutSpinning()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "RegistryJanitor.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing: the service was not built beside the tests");

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var properties = document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(
            properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spinLimit),
            "the service's runtime configuration does not set the thread pool's spin limit");
        Assert.Equal(0, spinLimit.GetInt32());
    }
}
