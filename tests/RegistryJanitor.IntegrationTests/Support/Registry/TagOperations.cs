using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// Tag changes on a distribution 2.8 registry, which cannot delete a tag on its own: DELETE works only on a
/// manifest digest, and it removes the manifest from the repository together with every tag naming it.
/// So:
/// <list type="bullet">
/// <item><see cref="DeleteManifestAsync"/>: DELETE by digest; the manifest and all its tags are gone.</item>
/// <item><see cref="DeleteTagAsync"/>: what "delete a tag" means to a user. The manifest is deleted, then
/// every other tag that named it is PUT again, so only this tag disappears; the manifest survives exactly
/// when another tag still names it.</item>
/// <item><see cref="UntagAsync"/>: the tag disappears but the manifest stays present, untagged (dangling):
/// delete, PUT the same bytes back by digest, restore the other tags.</item>
/// <item><see cref="RetagAsync"/>: moves a tag to another manifest by PUTting that manifest under the tag;
/// the old manifest stays present and is untagged if nothing else names it.</item>
/// </list>
/// </summary>
/// <remarks>
/// The delete-and-restore steps are not atomic: a scan running at the same moment may see the tag missing.
/// Tests run them before scanning.
/// </remarks>
public sealed class TagOperations(RegistryApiClient client)
{
    /// <summary>DELETE a manifest by digest (its tags go with it).</summary>
    public Task DeleteManifestAsync(string repository, string digest, CancellationToken cancellationToken = default)
    {
        return client.DeleteManifestAsync(repository, digest, cancellationToken);
    }

    /// <summary>Removes one tag; the manifest is deleted unless another tag names it. Returns its digest.</summary>
    public Task<string> DeleteTagAsync(string repository, string tag, CancellationToken cancellationToken = default)
    {
        return RemoveTagAsync(repository, tag, keepManifest: false, cancellationToken);
    }

    /// <summary>Removes one tag and keeps the manifest present, untagged if no other tag names it.</summary>
    public Task<string> UntagAsync(string repository, string tag, CancellationToken cancellationToken = default)
    {
        return RemoveTagAsync(repository, tag, keepManifest: true, cancellationToken);
    }

    /// <summary>Points <paramref name="tag"/> at <paramref name="target"/> (same repository).</summary>
    public Task<string> RetagAsync(
        string tag,
        IPushedManifest target,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return client.PutManifestAsync(
            target.Repository, tag, target.MediaType, target.Body.ToArray(), cancellationToken);
    }

    /// <summary>The tags of a repository that currently point at <paramref name="digest"/>.</summary>
    public async Task<IReadOnlyList<string>> TagsOfAsync(
        string repository,
        string digest,
        CancellationToken cancellationToken = default)
    {
        var result = new List<string>();
        foreach (var tag in await client.ListTagsAsync(repository, cancellationToken))
        {
            if (await client.ResolveAsync(repository, tag, cancellationToken) == digest)
            {
                result.Add(tag);
            }
        }

        return result;
    }

    private async Task<string> RemoveTagAsync(
        string repository,
        string tag,
        bool keepManifest,
        CancellationToken cancellationToken)
    {
        var manifest = await client.GetManifestAsync(repository, tag, cancellationToken);
        var digest = ContentDigest.Of(manifest.Body);
        var mediaType = manifest.ContentType
            ?? throw new InvalidOperationException($"{repository}:{tag} came without a Content-Type");
        var others = (await TagsOfAsync(repository, digest, cancellationToken)).Where(t => t != tag).ToList();

        await client.DeleteManifestAsync(repository, digest, cancellationToken);
        if (keepManifest)
        {
            await client.PutManifestAsync(repository, digest, mediaType, manifest.Body, cancellationToken);
        }

        foreach (var other in others)
        {
            await client.PutManifestAsync(repository, other, mediaType, manifest.Body, cancellationToken);
        }

        return digest;
    }
}
