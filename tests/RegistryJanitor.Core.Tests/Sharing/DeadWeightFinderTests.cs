using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using Xunit;
using static RegistryJanitor.Core.Tests.Sharing.SampleRegistry;

namespace RegistryJanitor.Core.Tests.Sharing;

public sealed class DeadWeightFinderTests
{
    [Fact]
    public void Find_MixedRegistry_ReportsEachKindOnceWithExclusiveBytes()
    {
        var now = T0.AddDays(200);
        var cache = new InventoryManifest(
            "app", "sha256:cache", ManifestKind.BuildCache, 700, Blob("cache-cfg", 1), [Blob("cache-layer", 900)],
            [], [Tag("buildcache", 199)], T0.AddDays(199));
        var orphan = new InventoryManifest(
            "app", "sha256:orphan-sig", ManifestKind.Referrer, 200, Blob("sig-cfg", 2), [Blob("sig", 3)], [], [],
            T0, SubjectDigest: "sha256:gone");
        var fresh = Image("web", "fresh", 1, C3, [X1], Tag("1", 199)) with { LastPulledAt = now.AddDays(-1) };
        var unpulled = Image("web", "unpulled", 1, C2, [A2], Tag("2", 199)) with { LastPulledAt = now.AddDays(-100) };
        var inventory = new Inventory("r", [AppV1, AppUntagged, cache, orphan, fresh, unpulled]);
        var sharing = new SharingCalculator(inventory, DedupScope.Registry);

        var items = DeadWeightFinder.Find(sharing, new DeadWeightOptions(), now).ToDictionary(i => i.Key.Digest);

        Assert.Equal(DeadWeightKind.Untagged, items[AppUntagged.Digest].Kind);
        Assert.Equal(C4.Size + U1.Size, items[AppUntagged.Digest].ExclusiveBytes);
        Assert.Equal(DeadWeightKind.BuildCache, items["sha256:cache"].Kind);
        Assert.Equal(901, items["sha256:cache"].ExclusiveBytes);
        Assert.Equal(DeadWeightKind.OrphanedReferrer, items["sha256:orphan-sig"].Kind);
        Assert.Equal(DeadWeightKind.Stale, items[AppV1.Digest].Kind);
        Assert.Equal(DeadWeightKind.Stale, items[unpulled.Digest].Kind);
        Assert.DoesNotContain(fresh.Digest, items.Keys);
        Assert.Equal(5, items.Count);
    }

    [Fact]
    public void Find_UntaggedChildOfTaggedIndex_IsNotDeadWeight()
    {
        var child = Image("multi", "child", 1, C1, [A1]);
        var index = new InventoryManifest(
            "multi", "sha256:index", ManifestKind.Index, 1, null, [], [child.Digest], [Tag("1", 0)], T0);
        var sharing = new SharingCalculator(new Inventory("r", [index, child]), DedupScope.Registry);

        var items = DeadWeightFinder.Find(sharing, new DeadWeightOptions(), T0.AddDays(1));

        Assert.Empty(items);
    }
}
