namespace RegistryJanitor.IntegrationTests.Support.TestEnvironment;

/// <summary>
/// Waits for a condition that a process reaches on its own (a service becoming ready, a trigger firing). The limit
/// is generous and only turns a hang into a failure with a message; tests never assert on how long it took.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls <paramref name="condition"/> until it holds or <paramref name="limit"/> passes.</summary>
    /// <exception cref="TimeoutException">The condition never held; the message says what was awaited.</exception>
    public static async Task HoldsAsync(
        Func<Task<bool>> condition, string description, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            while (!await condition())
            {
                await Task.Delay(PollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Still waiting after {limit}: {description}");
        }
    }
}
