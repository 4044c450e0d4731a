using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Sharing;
using Xunit;
using static RegistryJanitor.Core.Tests.Sharing.SampleRegistry;

namespace RegistryJanitor.Core.Tests.Sharing;

public sealed class IndexSharingTests
{
    private static readonly BlobReference Shared = Blob("shared", 300);
    private static readonly BlobReference Amd = Blob("amd", 40);
    private static readonly BlobReference Arm = Blob("arm", 30);
    private static readonly BlobReference ConfigAmd = Blob("cfg-amd", 3);
    private static readonly BlobReference ConfigArm = Blob("cfg-arm", 4);
    private static readonly BlobReference Signature = Blob("sig", 9);

    private static readonly InventoryManifest ChildAmd = Image("multi", "child-amd", 400, ConfigAmd, [Shared, Amd]);
    private static readonly InventoryManifest ChildArm = Image("multi", "child-arm", 410, ConfigArm, [Shared, Arm]);

    private static readonly InventoryManifest Index = new(
        "multi", "sha256:index", ManifestKind.Index, 300, null, [], [ChildAmd.Digest, ChildArm.Digest],
        [Tag("1.0", 0)], T0);

    private static readonly InventoryManifest SignatureOfIndex = new(
        "multi", "sha256:signature", ManifestKind.Referrer, 250, Blob("cfg-sig", 2), [Signature], [], [], T0,
        SubjectDigest: Index.Digest);

    private static Inventory CreateInventory() => new("multi", [Index, ChildAmd, ChildArm, SignatureOfIndex]);

    [Fact]
    public void ImageBytes_Index_IsTheUnionOfChildBlobsEachOnce()
    {
        var inventory = CreateInventory();
        var sharing = new SharingCalculator(inventory, DedupScope.Registry);

        var figures = sharing.ImageFiguresOf(inventory.PositionOf(Index.Key));

        Assert.Equal(Shared.Size + Amd.Size + Arm.Size + ConfigAmd.Size + ConfigArm.Size, figures.ImageBytes);
        Assert.Equal(Shared.Size + Amd.Size + Arm.Size, figures.ColdPullBytes);
    }

    [Fact]
    public void ExclusiveBytes_Index_IncludesUntaggedChildrenAndReferrersThatGoWithIt()
    {
        var inventory = CreateInventory();
        var sharing = new SharingCalculator(inventory, DedupScope.Registry);

        var figures = sharing.ImageFiguresOf(inventory.PositionOf(Index.Key));

        var expected = Shared.Size + Amd.Size + Arm.Size + ConfigAmd.Size + ConfigArm.Size
            + Signature.Size + SignatureOfIndex.Config!.Size;
        Assert.Equal(expected, figures.ExclusiveBytes);
    }

    [Fact]
    public void ExclusiveBytes_OneChild_ExcludesTheLayerItsSiblingShares()
    {
        var inventory = CreateInventory();
        var sharing = new SharingCalculator(inventory, DedupScope.Registry);

        var figures = sharing.ImageFiguresOf(inventory.PositionOf(ChildAmd.Key));

        Assert.Equal(Amd.Size + ConfigAmd.Size, figures.ExclusiveBytes);
    }

    [Fact]
    public void Summary_Index_LogicalCountsUnionOnceStoredAddsEveryManifestDocument()
    {
        var sharing = new SharingCalculator(CreateInventory(), DedupScope.Registry);

        var summary = sharing.RegistrySummary();

        var union = Shared.Size + Amd.Size + Arm.Size + ConfigAmd.Size + ConfigArm.Size;
        Assert.Equal(union, summary.LogicalBytes);
        var manifests = Index.ManifestBytes + ChildAmd.ManifestBytes + ChildArm.ManifestBytes
            + SignatureOfIndex.ManifestBytes;
        Assert.Equal(union + Signature.Size + SignatureOfIndex.Config!.Size + manifests, summary.StoredBytes);
    }
}
