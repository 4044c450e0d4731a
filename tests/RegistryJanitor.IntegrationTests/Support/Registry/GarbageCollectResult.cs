namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>The outcome of <c>docker-registry garbage-collect</c>.</summary>
/// <param name="ExitCode">Process exit code (0 on success).</param>
/// <param name="Output">Standard output and error, for assertion messages.</param>
public sealed record GarbageCollectResult(int ExitCode, string Output);
