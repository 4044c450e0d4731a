using System.Collections.Concurrent;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Scanning;

/// <summary>Referrers that no tag reaches, from the OCI 1.1 referrers API.</summary>
internal sealed partial class RepositoryScanner
{
    // A signature of an SBOM of an image is three levels deep; deeper chains are not followed.
    private const int MaxReferrerDepth = 3;

    /// <summary>
    /// Asks the referrers API for the referrers of every tag target, then of the referrers found, fetching what
    /// is new like index children. Adds them to <paramref name="reachable"/> and returns the digests added.
    /// </summary>
    /// <remarks>
    /// A registry without the API answers the first probe with 404 and is not asked again in this scan: its
    /// referrers live behind <c>sha256-&lt;hex&gt;</c> fallback tags, which the tag listing already walked.
    /// With the API, a re-scan asks once per tag target, because a signature can be added to an unchanged
    /// image; referrers of index children (per-platform manifests) are not asked for.
    /// </remarks>
    private async Task<HashSet<string>> WalkReferrersAsync(
        ScanWork work, IEnumerable<string> subjects, HashSet<string> reachable, CancellationToken cancellationToken)
    {
        var added = new HashSet<string>(StringComparer.Ordinal);
        var frontier = subjects.Where(work.IsStorable).Distinct(StringComparer.Ordinal).ToList();
        for (var depth = 0; frontier.Count > 0 && depth < MaxReferrerDepth; depth++)
        {
            var listed = new ConcurrentBag<Descriptor>();
            await Parallel.ForEachAsync(
                frontier,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                (subject, token) => new ValueTask(ListReferrersAsync(work, subject, listed, token)));

            var fresh = listed
                .Where(d => ManifestClassifier.IsManifestEntry(d) && !reachable.Contains(d.Digest.ToString()))
                .DistinctBy(d => d.Digest.ToString(), StringComparer.Ordinal)
                .ToList();
            foreach (var descriptor in fresh)
            {
                work.Entries.TryAdd(descriptor.Digest.ToString(), descriptor);
            }

            var before = reachable.ToHashSet(StringComparer.Ordinal);
            await WalkAsync(work, fresh.Select(d => d.Digest.ToString()), reachable, cancellationToken);
            var walked = reachable.Where(d => !before.Contains(d)).ToList();
            added.UnionWith(walked);
            frontier = fresh.Select(d => d.Digest.ToString()).Where(work.IsStorable).ToList();
        }

        return added;
    }

    private async Task ListReferrersAsync(
        ScanWork work, string subject, ConcurrentBag<Descriptor> listed, CancellationToken cancellationToken)
    {
        try
        {
            var referrers = await provider.ListReferrersFromApiAsync(
                work.Repository, Digest.Parse(subject), cancellationToken);
            foreach (var referrer in referrers ?? [])
            {
                listed.Add(referrer);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            work.CountError();
            await errors.RecordAsync(work.Repository, subject, exception, cancellationToken);
        }
    }
}
