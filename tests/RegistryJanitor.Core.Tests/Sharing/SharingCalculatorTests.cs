using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using Xunit;
using static RegistryJanitor.Core.Tests.Sharing.SampleRegistry;

namespace RegistryJanitor.Core.Tests.Sharing;

public sealed class SharingCalculatorTests
{
    private static long ImageBytesOf(InventoryManifest m) => m.Config!.Size + m.Layers.Sum(l => l.Size);

    [Fact]
    public void RegistrySummary_RegistryScope_CountsEachBlobOnceAndLogicalPerTag()
    {
        var sharing = new SharingCalculator(Create(), DedupScope.Registry);

        var summary = sharing.RegistrySummary();

        var blobs = new[] { Base1, Base2, A1, A2, X1, U1, C1, C2, C3, C4 }.Sum(b => b.Size);
        var manifests = AppV1.ManifestBytes + AppV2.ManifestBytes + ApiV1.ManifestBytes + AppUntagged.ManifestBytes;
        Assert.Equal(blobs + manifests, summary.StoredBytes);
        Assert.Equal(ImageBytesOf(AppV1) + ImageBytesOf(AppV2) + (2 * ImageBytesOf(ApiV1)), summary.LogicalBytes);
        Assert.Equal(4, summary.Tags);
    }

    [Fact]
    public void RegistrySummary_RepositoryScope_StoresSharedBaseOncePerRepository()
    {
        var registryScope = new SharingCalculator(Create(), DedupScope.Registry).RegistrySummary();

        var repositoryScope = new SharingCalculator(Create(), DedupScope.Repository).RegistrySummary();

        Assert.Equal(registryScope.StoredBytes + Base1.Size + Base2.Size, repositoryScope.StoredBytes);
        Assert.Equal(registryScope.LogicalBytes, repositoryScope.LogicalBytes);
    }

    [Fact]
    public void RepositorySummaries_EachRepository_CountsItsOwnDistinctBlobs()
    {
        var sharing = new SharingCalculator(Create(), DedupScope.Registry);

        var summaries = sharing.RepositorySummaries().ToDictionary(s => s.Scope);

        var api = ImageBytesOf(ApiV1) + ApiV1.ManifestBytes;
        Assert.Equal(api, summaries["api"].StoredBytes);
        Assert.Equal(2 * ImageBytesOf(ApiV1), summaries["api"].LogicalBytes);
        var app = new[] { Base1, Base2, A1, A2, U1, C1, C2, C4 }.Sum(b => b.Size)
            + AppV1.ManifestBytes + AppV2.ManifestBytes + AppUntagged.ManifestBytes;
        Assert.Equal(app, summaries["app"].StoredBytes);
    }

    [Fact]
    public void Images_SharedLayers_AreNotExclusive()
    {
        var sharing = new SharingCalculator(Create(), DedupScope.Registry);

        var figures = sharing.Images().ToDictionary(f => f.Key.Digest);

        Assert.Equal(C1.Size, figures[AppV1.Digest].ExclusiveBytes);
        Assert.Equal(C2.Size + A2.Size, figures[AppV2.Digest].ExclusiveBytes);
        Assert.Equal(C3.Size + X1.Size, figures[ApiV1.Digest].ExclusiveBytes);
        Assert.Equal(C4.Size + U1.Size, figures[AppUntagged.Digest].ExclusiveBytes);
        Assert.Equal(ImageBytesOf(AppV1), figures[AppV1.Digest].ImageBytes);
        Assert.Equal(Base1.Size + Base2.Size + A1.Size, figures[AppV1.Digest].ColdPullBytes);
    }

    [Fact]
    public void Images_Amortized_SplitsEachBlobOverItsManifestsAndSumsToStoredBlobs()
    {
        var sharing = new SharingCalculator(Create(), DedupScope.Registry);

        var figures = sharing.Images().ToDictionary(f => f.Key.Digest);

        var expectedV1 = C1.Size + (Base1.Size / 4m) + (Base2.Size / 3m) + (A1.Size / 2m);
        Assert.Equal(expectedV1, figures[AppV1.Digest].AmortizedBytes);
        var storedBlobs = new[] { Base1, Base2, A1, A2, X1, U1, C1, C2, C3, C4 }.Sum(b => b.Size);
        Assert.Equal(storedBlobs, Math.Round(figures.Values.Sum(f => f.AmortizedBytes), 10));
    }

    [Fact]
    public void Tags_NextTagSharesBase_IncrementalIsOnlyTheNewLayer()
    {
        var sharing = new SharingCalculator(Create(), DedupScope.Registry);

        var tags = sharing.Tags().ToDictionary(t => (t.Repository, t.Tag));

        Assert.Equal(A2.Size, tags[("app", "v2")].IncrementalPullBytes);
        Assert.Equal("v1", tags[("app", "v2")].PreviousTag);
        Assert.Equal(tags[("app", "v1")].ColdPullBytes, tags[("app", "v1")].IncrementalPullBytes);
        Assert.Equal(0, tags[("api", "latest")].IncrementalPullBytes);
        Assert.Equal(Base1.Size + Base2.Size + X1.Size, tags[("api", "latest")].ColdPullBytes);
    }

    [Fact]
    public void BlobUsages_SharedBase_CountsManifestsAndRepositories()
    {
        var sharing = new SharingCalculator(Create(), DedupScope.Registry);

        var usages = sharing.BlobUsages().ToDictionary(u => u.Digest);

        Assert.Equal((4, 2), (usages[Base1.Digest].ManifestCount, usages[Base1.Digest].RepositoryCount));
        Assert.Equal((3, 2), (usages[Base2.Digest].ManifestCount, usages[Base2.Digest].RepositoryCount));
        Assert.Equal((2, 1), (usages[A1.Digest].ManifestCount, usages[A1.Digest].RepositoryCount));
    }

    [Fact]
    public void Freed_TwoManifestsSharingALayer_CountsThatLayerOnceAndMoreThanTheirExclusiveSum()
    {
        var inventory = Create();
        var sharing = new SharingCalculator(inventory, DedupScope.Registry);
        var v1 = inventory.PositionOf(AppV1.Key);
        var old = inventory.PositionOf(AppUntagged.Key);

        var freed = sharing.Freed(new HashSet<int> { v1, old });

        Assert.Equal(C1.Size + A1.Size + C4.Size + U1.Size, freed.BlobBytes);
        Assert.Equal(AppV1.ManifestBytes + AppUntagged.ManifestBytes, freed.ManifestBytes);
        var exclusiveSum = sharing.ImageFiguresOf(v1).ExclusiveBytes + sharing.ImageFiguresOf(old).ExclusiveBytes;
        Assert.True(freed.BlobBytes > exclusiveSum);
        Assert.True(freed.BlobBytes < ImageBytesOf(AppV1) + ImageBytesOf(AppUntagged));
    }
}
