namespace RegistryJanitor.IntegrationTests.Support.Host;

/// <summary>How a run of the executable ended.</summary>
/// <param name="ExitCode">The process exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
public sealed record ProductProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>The non-empty lines of stderr.</summary>
    public IReadOnlyList<string> ErrorLines =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
