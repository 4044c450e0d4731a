using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>Walking index children, processing fetched manifests, and checking manifests no tag reaches.</summary>
internal sealed partial class RepositoryScanner
{
    private const int MaxIndexDepth = 8;

    /// <summary>
    /// Adds to <paramref name="reachable"/> every digest reachable from <paramref name="roots"/> through index
    /// entries, fetching what is new; returns <paramref name="reachable"/>.
    /// </summary>
    private async Task<HashSet<string>> WalkAsync(
        ScanWork work, IEnumerable<string> roots, HashSet<string> reachable, CancellationToken cancellationToken)
    {
        var frontier = roots.Distinct(StringComparer.Ordinal).ToList();
        for (var depth = 0; frontier.Count > 0 && depth <= MaxIndexDepth; depth++)
        {
            // The reachable set also guards against index cycles.
            var fresh = frontier.Where(reachable.Add).ToList();
            var unfetched = fresh.Where(d => !work.Fetched.ContainsKey(d)).ToList();
            var known = await reader.FindKnownAsync(unfetched, cancellationToken);
            foreach (var manifest in known.Values)
            {
                work.Known[manifest.Digest] = manifest;
            }

            var missing = unfetched.Where(d => !known.ContainsKey(d)).ToList();
            await Parallel.ForEachAsync(
                missing,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                (digest, token) => new ValueTask(FetchByDigestAsync(work, digest, token)));
            frontier = fresh.SelectMany(d => work.ChildrenOf(d)).Distinct(StringComparer.Ordinal).ToList();
        }

        return reachable;
    }

    private async Task FetchByDigestAsync(ScanWork work, string digest, CancellationToken cancellationToken)
    {
        try
        {
            var fetched = await provider.GetManifestAsync(work.Repository, digest, cancellationToken);
            if (fetched is null)
            {
                work.CountError();
                await errors.RecordAsync(
                    work.Repository, digest, "missing", "An index references a manifest the registry does not hold.",
                    cancellationToken);
                return;
            }

            work.Entries.TryGetValue(digest, out var entry);
            var processed = await ProcessAsync(work, fetched, entry, null, cancellationToken);
            if (processed is not null)
            {
                work.Fetched.TryAdd(digest, processed);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !cancellationToken.IsCancellationRequested)
        {
            work.CountError();
            await errors.RecordAsync(work.Repository, digest, exception, cancellationToken);
        }
    }

    /// <summary>Parses, classifies and reads the config of a fetched manifest. Throws on registry failures.</summary>
    private async Task<FetchedEntry?> ProcessAsync(
        ScanWork work, FetchedManifest fetched, Descriptor? referencedBy, string? tagSubject,
        CancellationToken cancellationToken)
    {
        var digest = fetched.Digest.ToString();
        var size = fetched.Body.Length;
        if (MediaTypes.IsSchema1(fetched.MediaType))
        {
            await errors.RecordAsync(
                work.Repository, digest, "unsupported", "Docker schema 1 manifest: recorded, not analysed.",
                cancellationToken);
            var legacy = new ScannedManifest(
                digest, fetched.MediaType!, ManifestKind.Unsupported, null, size, null,
                new Dictionary<string, string>(), null, [], [], "Docker schema 1 is not supported");
            return new FetchedEntry(legacy, []);
        }

        var document = ManifestParser.Parse(fetched.Body, fetched.MediaType);
        var kind = ManifestClassifier.Classify(document, referencedBy);
        ImageConfigFacts? facts = null;
        string? error = null;
        if (document.Config is { } config && kind == ManifestKind.Image && MediaTypes.IsImageConfig(config.MediaType))
        {
            if (config.Size > maxConfigBytes)
            {
                error = $"The config is {config.Size} bytes, over the cap of {maxConfigBytes} bytes.";
            }
            else
            {
                var body = await provider.GetBlobBytesAsync(work.Repository, config.Digest, maxConfigBytes,
                    cancellationToken);
                try
                {
                    facts = ImageConfigParser.Parse(body);
                }
                catch (ManifestFormatException exception)
                {
                    error = "The config cannot be read: " + exception.Message;
                }
            }
        }

        if (error is not null)
        {
            await errors.RecordAsync(work.Repository, digest, "config", error, cancellationToken);
        }

        foreach (var entry in document.Manifests.Where(ManifestClassifier.IsManifestEntry))
        {
            work.Entries.TryAdd(entry.Digest.ToString(), entry);
        }

        var children = ManifestInventory.Children(document);
        var manifest = new ScannedManifest(
            digest,
            document.MediaType,
            kind,
            document.ArtifactType,
            size,
            document.Subject?.Digest.ToString() ?? tagSubject,
            document.Annotations,
            facts,
            ManifestInventory.Blobs(document),
            children,
            error);
        return new FetchedEntry(manifest, children.Select(c => c.Digest).ToList());
    }

    /// <summary>Manifests present before that no tag reaches now: still held (untagged) or gone (deleted).</summary>
    private async Task<(List<string> Present, List<string> Deleted)> CheckUntaggedAsync(
        ScanWork work, StoredRepositoryState stored, HashSet<string> reachable, CancellationToken cancellationToken)
    {
        var candidates = stored.PresentDigests.Where(d => !reachable.Contains(d)).ToList();
        var present = new System.Collections.Concurrent.ConcurrentBag<string>();
        var deleted = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(
            candidates,
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (digest, token) =>
            {
                try
                {
                    var head = await provider.HeadManifestAsync(work.Repository, digest, token);
                    (head is null ? deleted : present).Add(digest);
                }
                catch (Exception exception) when (exception is not OperationCanceledException
                    || !token.IsCancellationRequested)
                {
                    work.CountError();
                    await errors.RecordAsync(work.Repository, digest, exception, token);
                }
            });
        return (present.ToList(), deleted.ToList());
    }
}
