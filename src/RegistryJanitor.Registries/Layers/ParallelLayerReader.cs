namespace RegistryJanitor.Registries.Layers;

/// <summary>
/// Reads many layer blobs through <see cref="LayerStreamReader"/>, a bounded number at once, and hands each
/// outcome on as soon as its layer is done.
/// </summary>
/// <remarks>
/// Memory stays bounded by the degree of parallelism: each read streams its blob (decompressor window, tar
/// header buffers, digest state) and holds only the compact index it builds, so N layers in flight cost N
/// times what one costs, whatever their size. A layer is never buffered. Each read runs on its own thread
/// (see <see cref="LayerStreamReader.ReadAsync"/>): decompression is CPU work, and N of them would otherwise
/// occupy the thread pool the HTTP and database code awaits on.
/// </remarks>
public sealed class ParallelLayerReader
{
    private readonly LayerStreamReader reader;

    public ParallelLayerReader(LayerStreamReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        this.reader = reader;
    }

    /// <summary>
    /// Reads every layer in <paramref name="layers"/>, at most <paramref name="maxParallel"/> at once, and awaits
    /// <paramref name="onRead"/> with each outcome (concurrently: it must be safe to call from several threads).
    /// </summary>
    /// <remarks>
    /// A rejected or undownloadable blob is an outcome, not an exception. An exception from
    /// <paramref name="onRead"/> stops the remaining reads and is rethrown.
    /// </remarks>
    public Task ReadAllAsync<TLayer>(
        IEnumerable<TLayer> layers, Func<TLayer, LayerSource> describe, int maxParallel,
        Func<TLayer, LayerReadOutcome, CancellationToken, ValueTask> onRead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(describe);
        ArgumentNullException.ThrowIfNull(onRead);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = maxParallel,
            CancellationToken = cancellationToken,
        };
        return Parallel.ForEachAsync(layers, parallel, async (layer, token) =>
        {
            var outcome = await ReadOneAsync(describe(layer), token);
            await onRead(layer, outcome, token);
        });
    }

    /// <summary>Opens and reads one blob; every failure except cancellation becomes an outcome.</summary>
    public async Task<LayerReadOutcome> ReadOneAsync(LayerSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        CountingReadStream? counted = null;
        try
        {
            counted = new CountingReadStream(await source.OpenAsync(cancellationToken));
            var index = await reader.ReadAsync(
                counted, source.Digest, source.Size, source.MediaType, cancellationToken);
            return new LayerReadOutcome(index, null, null, counted.BytesRead);
        }
        catch (LayerRejectedException exception)
        {
            return new LayerReadOutcome(null, exception, null, counted?.BytesRead ?? 0);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            return new LayerReadOutcome(null, null, exception, counted?.BytesRead ?? 0);
        }
        finally
        {
            if (counted is not null)
            {
                await counted.DisposeAsync();
            }
        }
    }
}
