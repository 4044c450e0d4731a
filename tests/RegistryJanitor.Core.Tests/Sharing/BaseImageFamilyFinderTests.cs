using RegistryJanitor.Core.Sharing;
using Xunit;
using static RegistryJanitor.Core.Tests.Sharing.SampleRegistry;

namespace RegistryJanitor.Core.Tests.Sharing;

public sealed class BaseImageFamilyFinderTests
{
    [Fact]
    public void Find_ImagesOnOneBaseLayer_OneFamilyWithTheirCommonPrefix()
    {
        var families = BaseImageFamilyFinder.Find(Create());

        var family = Assert.Single(families);
        Assert.Equal(4, family.Members);
        Assert.Equal(2, family.Repositories);
        Assert.Equal(1, family.SharedLayers);
        Assert.Equal(Base1.Size, family.SharedBytes);
        Assert.Equal(Base1.Size * 3, family.BytesSavedBySharing);
        Assert.StartsWith("layers from base1", family.Name, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_BaseDigestAnnotation_GroupsByItAndUsesTheBaseName()
    {
        var web1 = Image("web", "w1", 1, C1, [Base1, Base2, A1], Tag("1", 0))
            with { BaseDigest = "sha256:debian", BaseName = "debian:12" };
        var web2 = Image("web", "w2", 1, C2, [Base1, Base2, A2], Tag("2", 1))
            with { BaseDigest = "sha256:debian", BaseName = "debian:12" };
        var other = Image("tool", "t1", 1, C3, [X1], Tag("1", 0));

        var families = BaseImageFamilyFinder.Find(new Inventory("r", [web1, web2, other]));

        var family = Assert.Single(families);
        Assert.Equal("debian:12", family.Name);
        Assert.Equal(2, family.SharedLayers);
        Assert.Equal(Base1.Size + Base2.Size, family.SharedBytes);
    }

    [Fact]
    public void Find_NamelessFamilyInEitherOrder_NamedAfterTheMemberWithTheSmallestDigest()
    {
        var first = Image("app", "n1", 1, C1, [A1, Base1], Tag("1", 0)) with { BaseDigest = "sha256:base" };
        var second = Image("app", "n2", 1, C2, [A2, Base1], Tag("2", 1)) with { BaseDigest = "sha256:base" };
        var smaller = string.CompareOrdinal(first.Digest, second.Digest) < 0 ? first : second;

        var forward = Assert.Single(BaseImageFamilyFinder.Find(new Inventory("r", [first, second])));
        var backward = Assert.Single(BaseImageFamilyFinder.Find(new Inventory("r", [second, first])));

        var hex = smaller.Layers[0].Digest[(smaller.Layers[0].Digest.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.Equal("layers from " + hex[..Math.Min(12, hex.Length)], forward.Name);
        Assert.Equal(forward, backward);
        Assert.Equal(0, forward.SharedLayers);
    }
}
