using RegistryJanitor.IntegrationTests.Support.Images;
using RegistryJanitor.IntegrationTests.Support.Registry;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

/// <summary>
/// What distribution 2.8's own garbage collector does, pinned down so figures compared with it know
/// which registry behaviour they are compared with: with <c>--delete-untagged</c> it treats the platform
/// manifests of a tagged index as untagged, deletes them from the repository and collects their configs and
/// layers; only the index and the child manifest blobs (which the index references) stay. Retention
/// ground-truth tests must therefore use single-platform images, or expect this.
/// </summary>
public sealed class GarbageCollectionTests
{
    [Fact]
    public async Task GarbageCollectAsync_DeleteUntaggedWithTaggedIndex_ChildrenAndTheirBlobsAreRemoved()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var registry = await RegistryProcess.StartAsync(cancellationToken: cancellationToken);
        using var builder = TestImageBuilder.For(registry.BaseAddress);
        var index = await builder.Index("team/multi")
            .Image(ImagePlatform.LinuxAmd64, i => i.Layer(l => l.File("/a", "amd64")))
            .Image(ImagePlatform.LinuxArm64, i => i.Layer(l => l.File("/a", "arm64")))
            .PushAsync("v1", cancellationToken);

        var collected = await registry.GarbageCollectAsync(deleteUntagged: true, cancellationToken: cancellationToken);

        var resolved = new List<string?>();
        foreach (var child in index.Images)
        {
            resolved.Add(await builder.Client.ResolveAsync("team/multi", child.Digest, cancellationToken));
        }

        Assert.True(collected.ExitCode == 0, collected.Output);
        Assert.Equal(index.Digest, await builder.Client.ResolveAsync("team/multi", "v1", cancellationToken));
        Assert.All(resolved, Assert.Null);
        var expectedLeft = index.Images.Select(i => i.Digest).Append(index.Digest).ToHashSet();
        Assert.Equal(expectedLeft, RegistryStorage.StoredDigests(registry.StorageRoot));
    }
}
