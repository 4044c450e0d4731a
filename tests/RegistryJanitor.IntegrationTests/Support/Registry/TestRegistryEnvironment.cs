namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// The shared test registry named by the environment. A test that needs it and finds it unset fails with
/// instructions; it never skips silently.
/// </summary>
internal static class TestRegistryEnvironment
{
    public const string RegistryVariable = "REGISTRYJANITOR_TEST_REGISTRY";
    public const string BinaryVariable = "REGISTRYJANITOR_TEST_REGISTRY_BINARY";
    public const string StorageVariable = "REGISTRYJANITOR_TEST_REGISTRY_STORAGE";
    public const string ConfigVariable = "REGISTRYJANITOR_TEST_REGISTRY_CONFIG";

    /// <summary>
    /// The storage root of the shared registry, when the script that started it says so (it does not for a
    /// registry named from outside). Tests that need ground truth start a <see cref="RegistryProcess"/>.
    /// </summary>
    public static string? SharedStorageRoot()
    {
        var value = Environment.GetEnvironmentVariable(StorageVariable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The shared registry's configuration file, when known (see <see cref="SharedStorageRoot"/>).</summary>
    public static string? SharedConfigPath()
    {
        var value = Environment.GetEnvironmentVariable(ConfigVariable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>The base address of the shared registry (delete enabled).</summary>
    public static Uri RequireRegistry()
    {
        var value = Environment.GetEnvironmentVariable(RegistryVariable);
        if (string.IsNullOrWhiteSpace(value) || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException(
                $"{RegistryVariable} is not set to a registry URL. Run the tests through deploy/test.sh, or start "
                + "a distribution registry with delete enabled on 127.0.0.1 and export "
                + $"{RegistryVariable}=http://127.0.0.1:PORT.");
        }

        return uri;
    }

    /// <summary>The distribution registry binary to start private instances with.</summary>
    public static string RegistryBinary()
    {
        var configured = Environment.GetEnvironmentVariable(BinaryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "docker-registry");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"No distribution registry binary: set {BinaryVariable} or install the Debian package "
            + "docker-registry (apt-get install docker-registry).");
    }
}
