using RegistryJanitor.IntegrationTests.Support.Images;
using Xunit;

namespace RegistryJanitor.IntegrationTests.ImageBuilder;

public sealed class TagOperationsTests : IDisposable
{
    private readonly TestImageBuilder builder = TestImageBuilder.ForTestRegistry();

    [Fact]
    public async Task UntagAsync_TagSharedWithAnother_OnlyThatTagGoesAndManifestStays()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/untag");
        var image = await builder.Image(repository).Layer(l => l.File("/a", "a"))
            .PushAsync(["v1", "stable"], cancellationToken);

        var digest = await builder.Tags.UntagAsync(repository, "v1", cancellationToken);

        Assert.Equal(image.Digest, digest);
        Assert.Equal(["stable"], await builder.Client.ListTagsAsync(repository, cancellationToken));
        Assert.Equal(image.Digest, await builder.Client.ResolveAsync(repository, image.Digest, cancellationToken));
    }

    [Fact]
    public async Task UntagAsync_OnlyTag_ManifestStaysPresentUntagged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/dangling");
        var kept = await builder.Image(repository).Layer(l => l.File("/k", "k")).PushAsync("keep", cancellationToken);
        var image = await builder.Image(repository).Layer(l => l.File("/a", "a")).PushAsync("v1", cancellationToken);

        await builder.Tags.UntagAsync(repository, "v1", cancellationToken);

        Assert.Equal(["keep"], await builder.Client.ListTagsAsync(repository, cancellationToken));
        Assert.Equal(image.Digest, await builder.Client.ResolveAsync(repository, image.Digest, cancellationToken));
        Assert.Equal(kept.Digest, await builder.Client.ResolveAsync(repository, "keep", cancellationToken));
    }

    [Fact]
    public async Task DeleteTagAsync_OnlyTag_ManifestIsGone()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/deletetag");
        await builder.Image(repository).Layer(l => l.File("/k", "k")).PushAsync("keep", cancellationToken);
        var image = await builder.Image(repository).Layer(l => l.File("/a", "a")).PushAsync("v1", cancellationToken);

        await builder.Tags.DeleteTagAsync(repository, "v1", cancellationToken);

        Assert.Equal(["keep"], await builder.Client.ListTagsAsync(repository, cancellationToken));
        Assert.Null(await builder.Client.ResolveAsync(repository, image.Digest, cancellationToken));
    }

    [Fact]
    public async Task RetagAsync_TagMovedToNewManifest_OldManifestStaysUntagged()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var repository = TestImageBuilder.UniqueRepository("imagebuilder/retag");
        var old = await builder.Image(repository).Layer(l => l.File("/a", "1")).PushAsync("latest", cancellationToken);
        var next = await builder.Image(repository).Layer(l => l.File("/a", "2")).PushAsync("v2", cancellationToken);

        await builder.Tags.RetagAsync("latest", next, cancellationToken);

        Assert.Equal(next.Digest, await builder.Client.ResolveAsync(repository, "latest", cancellationToken));
        Assert.Equal(old.Digest, await builder.Client.ResolveAsync(repository, old.Digest, cancellationToken));
        Assert.Empty(await builder.Tags.TagsOfAsync(repository, old.Digest, cancellationToken));
    }

    public void Dispose()
    {
        builder.Dispose();
    }
}
