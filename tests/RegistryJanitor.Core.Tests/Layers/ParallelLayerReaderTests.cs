using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

public sealed class ParallelLayerReaderTests
{
    private const int Layers = 12;
    private const int MaxParallel = 3;

    [Fact]
    public async Task ReadAllAsync_GoodBrokenAndUnreachableBlobs_GivesEachItsOutcome()
    {
        var good = LayerBuilder.Gzip(new LayerBuilder().File("srv/app.bin", 9_000).ToTar());
        var other = LayerBuilder.Gzip(new LayerBuilder().File("srv/other.bin", 9_000).ToTar());
        var sources = new Dictionary<string, LayerSource>
        {
            ["good"] = Source(good, Digest.Sha256Of(good)),
            ["wrong digest"] = Source(other, Digest.Sha256Of(good)),
            ["unreachable"] = new(Digest.Sha256Of(good), good.Length, LayerReading.Gzip,
                _ => Task.FromException<Stream>(new HttpRequestException("connection refused"))),
        };
        var outcomes = new Dictionary<string, LayerReadOutcome>();

        await new ParallelLayerReader(LayerReading.Reader()).ReadAllAsync(
            sources.Keys, name => sources[name], MaxParallel,
            (name, outcome, _) =>
            {
                lock (outcomes)
                {
                    outcomes[name] = outcome;
                }

                return ValueTask.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(9_000, outcomes["good"].Index?.FileBytes);
        Assert.Equal(good.Length, outcomes["good"].BytesRead);
        Assert.Equal(LayerRejectionReason.WrongDigest, outcomes["wrong digest"].Rejection?.Reason);
        Assert.IsType<HttpRequestException>(outcomes["unreachable"].Failure);
        Assert.Equal(0, outcomes["unreachable"].BytesRead);
    }

    [Fact]
    public async Task ReadAllAsync_ManyLayers_ReadsEachOnceAndNeverMoreThanTheLimitAtOnce()
    {
        var blobs = Enumerable.Range(0, Layers)
            .Select(i => LayerBuilder.Gzip(new LayerBuilder().File($"srv/part{i}.bin", 20_000 + i).ToTar()))
            .ToList();
        var open = 0;
        var mostOpen = 0;
        var opened = new int[Layers];
        var fileBytes = new long[Layers];

        await new ParallelLayerReader(LayerReading.Reader()).ReadAllAsync(
            Enumerable.Range(0, Layers),
            i => new LayerSource(Digest.Sha256Of(blobs[i]), blobs[i].Length, LayerReading.Gzip, _ =>
            {
                Interlocked.Increment(ref opened[i]);
                var now = Interlocked.Increment(ref open);
                InterlockedMax(ref mostOpen, now);
                return Task.FromResult<Stream>(new ClosingStream(blobs[i], () => Interlocked.Decrement(ref open)));
            }),
            MaxParallel,
            (i, outcome, _) =>
            {
                fileBytes[i] = outcome.Index?.FileBytes ?? -1;
                return ValueTask.CompletedTask;
            },
            TestContext.Current.CancellationToken);

        Assert.All(opened, count => Assert.Equal(1, count));
        Assert.Equal(Enumerable.Range(0, Layers).Select(i => 20_000L + i), fileBytes);
        Assert.InRange(mostOpen, 1, MaxParallel);
        Assert.Equal(0, open);
    }

    private static LayerSource Source(byte[] blob, Digest digest) =>
        new(digest, blob.Length, LayerReading.Gzip, _ => Task.FromResult<Stream>(new MemoryStream(blob, false)));

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
