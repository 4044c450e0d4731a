using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace RegistryJanitor.IntegrationTests.Support.TestEnvironment;

/// <summary>
/// The shared OCI distribution registry of the test run: <c>REGISTRYJANITOR_TEST_REGISTRY</c> when set, else a
/// <c>registry:2</c> container when a Docker engine answers, else a failure that says how to provide one.
/// </summary>
/// <remarks>
/// Resolved once per test process. Tests share the registry, so each test pushes to repository names of its own
/// (for example with a <see cref="Guid"/> in the name) and never assumes an empty catalog; tests that need an
/// empty or specially configured registry start their own process instead.
/// </remarks>
/// <example>
/// <code>
/// var registryUrl = await TestRegistry.GetUrlAsync(TestContext.Current.CancellationToken);
/// </code>
/// </example>
public static class TestRegistry
{
    private const int RegistryPort = 5000;

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Uri? _url;
    private static IContainer? _container;

    /// <summary>The registry base URL, e.g. <c>http://127.0.0.1:5000/</c>.</summary>
    /// <exception cref="TestEnvironmentException">No registry is configured and none could be started.</exception>
    public static async Task<Uri> GetUrlAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            _url ??= await ResolveAsync(cancellationToken);
            return _url;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<Uri> ResolveAsync(CancellationToken cancellationToken)
    {
        var configured = TestEnvironmentVariables.Read(TestEnvironmentVariables.Registry);
        if (configured is not null)
        {
            return Uri.TryCreate(configured, UriKind.Absolute, out var uri)
                ? uri
                : throw new TestEnvironmentException(
                    $"{TestEnvironmentVariables.Registry} is not an absolute URL: '{configured}'.");
        }

        try
        {
            // Ryuk, Testcontainers' reaper, removes the container when the test process ends.
            _container = new ContainerBuilder("registry:2")
                .WithEnvironment("REGISTRY_STORAGE_DELETE_ENABLED", "true")
                .WithPortBinding(RegistryPort, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(
                    request => request.ForPort(RegistryPort).ForPath("/v2/")))
                .Build();
            await _container.StartAsync(cancellationToken);
            return new Uri($"http://{_container.Hostname}:{_container.GetMappedPublicPort(RegistryPort)}/");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new TestEnvironmentException(
                $"No registry for the integration tests: {TestEnvironmentVariables.Registry} is not set and no " +
                $"Docker engine answered ({exception.Message}). {TestEnvironmentVariables.HowToProvide}",
                exception);
        }
    }
}
