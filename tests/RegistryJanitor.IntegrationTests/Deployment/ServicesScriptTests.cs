using System.Diagnostics;
using RegistryJanitor.IntegrationTests.Support.TestEnvironment;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// deploy/lib/services.sh as the test and benchmark scripts use it: what the start functions launch, rj_stop_all
/// stops, and the state folder is removed.
/// </summary>
public sealed class ServicesScriptTests
{
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromMinutes(2);

    /// <remarks>
    /// Both start functions are called as deploy/test.sh calls them, with no instance named in the environment, so
    /// each really starts one; the script prints the state folder and both process ids before it stops them.
    /// </remarks>
    [Fact]
    public async Task StopAll_AfterStartingBoth_StopsThemAndRemovesTheStateFolder()
    {
        const string script = """
            set -euo pipefail
            . deploy/lib/services.sh
            rj_start_postgres
            rj_start_registry
            echo "state=$RJ_STATE_DIR"
            echo "registry=$(cat "$RJ_STATE_DIR/registry.pid")"
            echo "postgres=$(head -n 1 "$RJ_STATE_DIR/postgres/postmaster.pid")"
            rj_stop_all
            """;

        var output = await RunBashAsync(script, TestContext.Current.CancellationToken);

        var state = output["state"];
        var registry = int.Parse(output["registry"], System.Globalization.CultureInfo.InvariantCulture);
        var postgres = int.Parse(output["postgres"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith(Path.GetTempPath().TrimEnd('/'), state, StringComparison.Ordinal);
        Assert.False(Directory.Exists(state), $"the state folder {state} is left behind");
        await Eventually.HoldsAsync(
            () => Task.FromResult(!IsRunning(registry) && !IsRunning(postgres)),
            $"the registry ({registry}) and PostgreSQL ({postgres}) started by the script to exit",
            TimeSpan.FromSeconds(30),
            TestContext.Current.CancellationToken);
    }

    private static bool IsRunning(int processId) => Directory.Exists($"/proc/{processId}")
        && !File.ReadAllText($"/proc/{processId}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    private static async Task<Dictionary<string, string>> RunBashAsync(
        string script, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryFiles.Root };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(script);

        // The suite's own instances are named in these; without them the functions start instances of their own.
        foreach (var name in new[] { "REGISTRYJANITOR_TEST_POSTGRES", "REGISTRYJANITOR_TEST_REGISTRY", "RJ_STATE_DIR" })
        {
            startInfo.Environment.Remove(name);
        }

        var (exitCode, output, error) = await ChildProcess.RunAsync(startInfo, ScriptLimit, cancellationToken);

        Assert.True(exitCode == 0, $"the script failed ({exitCode}): {error}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
    }
}
