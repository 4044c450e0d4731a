using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Costs;

public sealed class RetentionGroundTruthTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Simulate_PolicyAppliedForRealThenGarbageCollected_FreesExactlyTheSimulatedBytes()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var baseLayer = Layer("base", 40_000);
        var sharedByOldTags = Layer("shared-old", 20_000);
        var pushes = new List<(PushedImage Image, bool Tagged)>
        {
            (await Push(builder, "app", "v1", baseLayer, sharedByOldTags, Layer("x1", 5_000)), true),
            (await Push(builder, "app", "v2", baseLayer, sharedByOldTags, Layer("x2", 6_000)), true),
            (await Push(builder, "app", "v3", baseLayer, Layer("x3", 7_000)), true),
            (await Push(builder, "api", "w1", baseLayer, Layer("y1", 8_000)), true),
            (await Push(builder, "api", null, baseLayer, Layer("z1", 9_000)), false),
        };
        var inventory = new Inventory("ground-truth", pushes.Select((p, i) => ToManifest(p.Image, p.Tagged, i)));
        var sharing = new SharingCalculator(inventory, DedupScope.Registry);
        var policy = new RetentionPolicy("keep-last-1", KeepLastTags: 1, ExpireUntaggedAfter: TimeSpan.Zero);

        var simulation = RetentionSimulator.Simulate(sharing, policy, T0.AddDays(30));

        var before = registry.SumBlobDataBytes();
        foreach (var manifest in simulation.DeletedManifests.Where(m => Tagged(inventory, m)))
        {
            await builder.Tags.DeleteManifestAsync(manifest.Repository, manifest.Digest, cancellationToken);
        }

        var collected = await registry.GarbageCollectAsync(deleteUntagged: true, cancellationToken: cancellationToken);
        var after = registry.SumBlobDataBytes();
        Assert.True(collected.ExitCode == 0, collected.Output);
        Assert.Equal(3, simulation.DeletedManifests.Count);
        Assert.Equal(before - after, simulation.Freed.Total);
        var exclusiveSum = simulation.DeletedManifests
            .Sum(k => sharing.ImageFiguresOf(inventory.PositionOf(k)).ExclusiveBytes);
        Assert.True(simulation.Freed.BlobBytes > exclusiveSum, "the layer shared only by deleted tags counts once");
    }

    private static bool Tagged(Inventory inventory, ManifestKey key) =>
        inventory.Manifests[inventory.PositionOf(key)].Tags.Count > 0;

    private static TestLayer Layer(string name, int size) =>
        TestLayer.Create(l => l.FileOfSize($"/{name}/data.bin", size, seed: name.Sum(c => c)));

    private static Task<PushedImage> Push(
        TestImageBuilder builder, string repository, string? tag, params TestLayer[] layers)
    {
        var image = builder.Image(repository).Layers(layers).Config(c => c.Label("name", repository + ":" + tag));
        return tag is null ? image.PushByDigestAsync() : image.PushAsync(tag);
    }

    private static InventoryManifest ToManifest(PushedImage image, bool tagged, int order)
    {
        var pushedAt = T0.AddHours(order);
        IReadOnlyList<InventoryTag> tags = tagged ? [new InventoryTag(image.Tag!, pushedAt)] : [];
        return new InventoryManifest(
            image.Repository,
            image.Digest,
            ManifestKind.Image,
            image.Size,
            new BlobReference(image.Config.Digest, image.Config.Size),
            [.. image.Layers.Select(l => new BlobReference(l.Digest, l.Size))],
            [],
            tags,
            pushedAt,
            UntaggedSince: tagged ? null : pushedAt);
    }
}
