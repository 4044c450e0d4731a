namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>Applies <paramref name="Fault"/> to the first <paramref name="Times"/> matching requests.</summary>
/// <param name="Method">HTTP method to match.</param>
/// <param name="PathContains">A substring of the request path to match.</param>
/// <param name="Fault">The fault.</param>
/// <param name="Times">How many matching requests get it; <see cref="int.MaxValue"/> for every one.</param>
public sealed record FaultRule(string Method, string PathContains, Fault Fault, int Times)
{
    private int applied;

    public int Applied => Volatile.Read(ref applied);

    internal bool TryApply(string method, string path)
    {
        if (method != Method || !path.Contains(PathContains, StringComparison.Ordinal))
        {
            return false;
        }

        return Interlocked.Increment(ref applied) <= Times;
    }
}
