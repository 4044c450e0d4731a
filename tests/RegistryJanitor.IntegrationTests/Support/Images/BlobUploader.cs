using System.Collections.Concurrent;
using RegistryJanitor.IntegrationTests.Support.Registry;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Puts blobs into repositories at most once: asks the registry (HEAD) before uploading, and mounts from
/// another repository it pushed the blob to instead of uploading again. Presence is never cached, so a
/// blob removed by a delete and garbage collection is uploaded again when needed.
/// </summary>
/// <remarks>
/// Concurrent requests for the same blob in the same repository share one upload. Distribution 2.8's
/// filesystem driver rewrites a repository's blob link in place (truncate, then write), so a second upload of
/// a blob racing a manifest PUT that references it can make the registry answer MANIFEST_BLOB_UNKNOWN.
/// </remarks>
public sealed class BlobUploader(RegistryApiClient client)
{
    private readonly ConcurrentDictionary<string, string> anyRepositoryByDigest = new();

    private readonly ConcurrentDictionary<(string Repository, string Digest), Lazy<Task>> inFlight = new();

    /// <summary>The registry client underneath.</summary>
    public RegistryApiClient Client => client;

    /// <summary>Blob uploads that actually sent content.</summary>
    public int Uploads => uploads;

    private int uploads;

    /// <summary>Makes sure a blob held in memory is in the repository.</summary>
    public async Task EnsureBlobAsync(
        string repository,
        ReadOnlyMemory<byte> content,
        string digest,
        CancellationToken cancellationToken)
    {
        var key = (repository, digest);
        var upload = new Lazy<Task>(() => UploadIfMissingAsync(repository, content, digest, cancellationToken));
        var shared = inFlight.GetOrAdd(key, upload);
        try
        {
            await shared.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            // Only the caller that started the upload removes it, so presence is asked again next time.
            if (ReferenceEquals(shared, upload))
            {
                inFlight.TryRemove(new KeyValuePair<(string, string), Lazy<Task>>(key, upload));
            }
        }
    }

    private async Task UploadIfMissingAsync(
        string repository,
        ReadOnlyMemory<byte> content,
        string digest,
        CancellationToken cancellationToken)
    {
        if (await IsAvailableAsync(repository, digest, cancellationToken))
        {
            return;
        }

        await client.UploadBlobAsync(repository, content, digest, cancellationToken);
        Interlocked.Increment(ref uploads);
        Remember(repository, digest);
    }

    /// <summary>
    /// True when the blob is already in the repository, or could be mounted there from another repository
    /// this uploader has put it in.
    /// </summary>
    public async Task<bool> IsAvailableAsync(string repository, string digest, CancellationToken cancellationToken)
    {
        if (await client.BlobExistsAsync(repository, digest, cancellationToken))
        {
            Remember(repository, digest);
            return true;
        }

        if (anyRepositoryByDigest.TryGetValue(digest, out var source)
            && await client.TryMountBlobAsync(repository, digest, source, cancellationToken))
        {
            Remember(repository, digest);
            return true;
        }

        return false;
    }

    /// <summary>Records that a blob is now in a repository (after a streamed upload, for example).</summary>
    public void Remember(string repository, string digest)
    {
        anyRepositoryByDigest.TryAdd(digest, repository);
    }

    /// <summary>Counts an upload done outside <see cref="EnsureBlobAsync"/>.</summary>
    internal void CountUpload()
    {
        Interlocked.Increment(ref uploads);
    }
}
