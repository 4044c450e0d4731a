using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>
/// Scans one repository into a <see cref="RepositorySnapshot"/>: tags resolved (a conditional HEAD for tags
/// already known, GET for new ones), only manifests whose digest is not stored yet downloaded, index children
/// and referrers walked, previously present manifests checked for untagged or deleted.
/// </summary>
internal sealed partial class RepositoryScanner
{
    private readonly IRegistryProvider provider;
    private readonly InventoryReader reader;
    private readonly ScanErrorSink errors;
    private readonly long maxConfigBytes;
    private readonly int concurrency;
    private readonly ILogger logger;

    public RepositoryScanner(
        IRegistryProvider provider, InventoryReader reader, ScanErrorSink errors, long maxConfigBytes,
        int concurrency, ILogger logger)
    {
        this.provider = provider;
        this.reader = reader;
        this.errors = errors;
        this.maxConfigBytes = maxConfigBytes;
        this.concurrency = Math.Max(1, concurrency);
        this.logger = logger;
    }

    /// <summary>Scans <paramref name="repository"/>; throws when its tags cannot be listed.</summary>
    public async Task<RepositoryScanOutcome> ScanAsync(
        int registryId, string repository, CancellationToken cancellationToken)
    {
        var stored = await reader.LoadRepositoryAsync(registryId, repository, cancellationToken);
        var tags = new List<string>();
        await foreach (var tag in provider.ListTagsAsync(repository, cancellationToken))
        {
            tags.Add(tag);
        }

        var work = new ScanWork(repository);
        await Parallel.ForEachAsync(
            tags,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            (tag, token) => new ValueTask(ResolveTagAsync(work, stored, tag, token)));

        var reachable = await WalkAsync(work, work.Resolved.Values, [], cancellationToken);
        var tagReachable = reachable.ToHashSet(StringComparer.Ordinal);

        // Referrers of tagged manifests are anchored by their subject, like the manifests a tag reaches.
        tagReachable.UnionWith(await WalkReferrersAsync(work, work.Resolved.Values, reachable, cancellationToken));

        // Manifests the provider lists that no tag reaches are present too: fetch what is new and walk them.
        var listed = await ListProviderManifestsAsync(repository, cancellationToken);
        var listedOnly = listed.Keys.Where(d => !reachable.Contains(d)).ToList();
        if (listedOnly.Count > 0)
        {
            await WalkAsync(work, listedOnly, reachable, cancellationToken);
        }

        var anchored = Anchored(work, tagReachable, listed);
        var untagged = await CheckUntaggedAsync(work, stored, reachable, cancellationToken);
        var present = reachable.Where(work.IsStorable)
            .Select(d => Present(work, d, !anchored.Contains(d), listed))
            .Concat(untagged.Present.Select(d => Present(work, d, true, listed)))
            .ToList();
        var snapshot = new RepositorySnapshot(
            repository,
            work.Resolved.Where(t => work.IsStorable(t.Value)).ToDictionary(t => t.Key, t => t.Value,
                StringComparer.Ordinal),
            work.Unresolved.Keys
                .Concat(work.Resolved.Where(t => !work.IsStorable(t.Value)).Select(t => t.Key))
                .ToList(),
            work.Fetched.Values.Select(f => f.Manifest).ToList(),
            present,
            untagged.Deleted);
        return new RepositoryScanOutcome(snapshot, tags.Count, work.Fetched.Count, work.KnownCount, work.ErrorCount);
    }

    /// <remarks>
    /// A listing without subjects (ACR's <c>_manifests</c>) calls a referrer untagged unless its config type is a
    /// known signature or attestation type; the manifest's own <c>subject</c> settles it, whether fetched in this
    /// scan or already stored (a re-scan must not turn a referrer back into an untagged manifest).
    /// </remarks>
    private static PresentManifest Present(
        ScanWork work, string digest, bool untagged, Dictionary<string, ListedManifest> listed)
    {
        if (!listed.TryGetValue(digest, out var entry))
        {
            return new PresentManifest(digest, untagged, null);
        }

        // The subject comes from the manifest fetched now, or from the stored one on a later scan.
        var hasSubject = work.Fetched.TryGetValue(digest, out var fetched)
            ? fetched.Manifest.SubjectDigest is not null
            : work.Known.TryGetValue(digest, out var known) && known.SubjectDigest is not null;
        var role = entry.Role == ProviderRoles.Untagged && hasSubject ? ProviderRoles.Referrer : entry.Role;
        return new PresentManifest(digest, untagged, entry.Facts, role);
    }

    private async Task ResolveTagAsync(
        ScanWork work, StoredRepositoryState stored, string tag, CancellationToken cancellationToken)
    {
        try
        {
            if (stored.Tags.TryGetValue(tag, out var storedDigest))
            {
                var head = await provider.HeadStoredTagAsync(work.Repository, tag, storedDigest, cancellationToken);
                if (head is null)
                {
                    return;
                }

                work.Resolved[tag] = head.Digest.ToString();
                return;
            }

            var fetched = await provider.GetManifestAsync(work.Repository, tag, cancellationToken);
            if (fetched is null)
            {
                return;
            }

            var digest = fetched.Digest.ToString();
            work.Resolved[tag] = digest;
            if (!work.Fetched.ContainsKey(digest))
            {
                var processed = await ProcessAsync(work, fetched, null, ManifestInventory.SubjectFromTag(tag),
                    cancellationToken);
                if (processed is not null)
                {
                    work.Fetched.TryAdd(digest, processed);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            work.Unresolved[tag] = true;
            work.CountError();
            await errors.RecordAsync(work.Repository, tag, exception, cancellationToken);
        }
    }
}
