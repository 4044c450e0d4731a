namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>
/// Holds each layer blob download until <see cref="Wanted"/> of them are waiting at once, and records the most
/// that ever were: a run that reads layers one at a time never gets past one.
/// </summary>
/// <remarks>
/// A run that never brings enough downloads together is let through after <see cref="Patience"/> once, and the
/// gate stays open from then on, so the test fails on the recorded count rather than hanging.
/// </remarks>
internal sealed class LayerDownloadGate(IReadOnlySet<string> layerDigests, int wanted)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock sync = new();
    private int waiting;
    private int mostWaiting;

    public int Wanted { get; } = wanted;

    /// <summary>The most layer downloads that were held at the gate at the same time.</summary>
    public int MostWaitingAtOnce
    {
        get
        {
            lock (sync)
            {
                return mostWaiting;
            }
        }
    }

    public bool Holds(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? string.Empty;
        var at = path.LastIndexOf("/blobs/", StringComparison.Ordinal);
        return request.Method == HttpMethod.Get && at >= 0 && layerDigests.Contains(path[(at + "/blobs/".Length)..]);
    }

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        lock (sync)
        {
            waiting++;
            mostWaiting = Math.Max(mostWaiting, waiting);
            if (waiting >= Wanted)
            {
                opened.TrySetResult();
            }
        }

        try
        {
            await opened.Task.WaitAsync(Patience, cancellationToken);
        }
        catch (TimeoutException)
        {
            opened.TrySetResult();
        }
        finally
        {
            lock (sync)
            {
                waiting--;
            }
        }
    }
}
