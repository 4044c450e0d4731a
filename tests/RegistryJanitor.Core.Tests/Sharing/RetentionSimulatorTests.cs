using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using Xunit;
using static RegistryJanitor.Core.Tests.Sharing.SampleRegistry;

namespace RegistryJanitor.Core.Tests.Sharing;

public sealed class RetentionSimulatorTests
{
    private static readonly DateTimeOffset Now = T0.AddDays(30);

    private static RetentionResult Simulate(RetentionPolicy policy) =>
        RetentionSimulator.Simulate(new SharingCalculator(Create(), DedupScope.Registry), policy, Now);

    [Fact]
    public void Simulate_KeepLastOneAndExpireUntagged_FreesSharedLayerOnceNotImageSizes()
    {
        var result = Simulate(new RetentionPolicy("last-1", KeepLastTags: 1, ExpireUntaggedAfter: TimeSpan.Zero));

        Assert.Equal([("app", "v1"), ("api", "v1")], result.DeletedTags.Order().Reverse());
        Assert.Equal(
            new[] { AppV1.Key, AppUntagged.Key }.OrderBy(k => k.ToString()),
            result.DeletedManifests.OrderBy(k => k.ToString()));
        Assert.Equal(C1.Size + A1.Size + C4.Size + U1.Size, result.Freed.BlobBytes);
        Assert.Equal(AppV1.ManifestBytes + AppUntagged.ManifestBytes, result.Freed.ManifestBytes);
    }

    [Fact]
    public void Simulate_NoRules_DeletesNothing()
    {
        var result = Simulate(new RetentionPolicy("none"));

        Assert.Empty(result.DeletedTags);
        Assert.Empty(result.DeletedManifests);
        Assert.Equal(0, result.Freed.Total);
    }

    [Fact]
    public void Simulate_KeepPatternsOnly_DeletesEveryOtherTag()
    {
        var result = Simulate(new RetentionPolicy("latest-only", KeepTagPatterns: ["latest", "v2"]));

        Assert.Equal([("app", "v1"), ("api", "v1")], result.DeletedTags.Order().Reverse());
        Assert.Equal([AppV1.Key], result.DeletedManifests);
        Assert.Equal(C1.Size, result.Freed.BlobBytes);
    }

    [Fact]
    public void Simulate_ExpireTagsOlderThan_KeepsYoungerTagsEvenBeyondLastN()
    {
        var policy = new RetentionPolicy("age", KeepLastTags: 0, ExpireTagsOlderThan: TimeSpan.FromDays(29.5));

        var result = Simulate(policy);

        var deleted = result.DeletedTags.ToHashSet();
        Assert.Equal(2, deleted.Count);
        Assert.Contains(("app", "v1"), deleted);
        Assert.Contains(("api", "v1"), deleted);
        Assert.DoesNotContain(AppUntagged.Key, result.DeletedManifests);
    }
}
