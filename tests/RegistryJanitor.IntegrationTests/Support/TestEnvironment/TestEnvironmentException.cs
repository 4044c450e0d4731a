namespace RegistryJanitor.IntegrationTests.Support.TestEnvironment;

/// <summary>
/// A service the integration tests need (PostgreSQL, a registry) is neither configured nor startable. Thrown so the
/// test fails with instructions rather than being skipped: a test that did not run proves nothing.
/// </summary>
public sealed class TestEnvironmentException : Exception
{
    public TestEnvironmentException()
    {
    }

    public TestEnvironmentException(string message)
        : base(message)
    {
    }

    public TestEnvironmentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
