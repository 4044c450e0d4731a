namespace RegistryJanitor.IntegrationTests.Support.TestEnvironment;

/// <summary>
/// The environment variables <c>deploy/test.sh</c> sets for a test run, and what to do when they are not.
/// </summary>
public static class TestEnvironmentVariables
{
    /// <summary>Npgsql connection string of a server where the tests may <c>CREATE DATABASE</c>.</summary>
    public const string Postgres = "REGISTRYJANITOR_TEST_POSTGRES";

    /// <summary><c>http://127.0.0.1:PORT</c> of a distribution registry with delete enabled.</summary>
    public const string Registry = "REGISTRYJANITOR_TEST_REGISTRY";

    /// <summary>The sentence every "not available" failure ends with.</summary>
    public const string HowToProvide =
        "Run the tests through deploy/test.sh (it starts throwaway PostgreSQL and registry instances), " +
        "or set " + Postgres + " and " + Registry + " to running instances.";

    /// <summary>The value of <paramref name="name"/> when set and not blank; otherwise null.</summary>
    public static string? Read(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
