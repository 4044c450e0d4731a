using RegistryJanitor.Core.Costs;

namespace RegistryJanitor.Core.Sharing;

/// <summary>
/// The reference implementation of the sharing figures of the product brief over an in-memory inventory.
/// The set-based SQL in the database computes the same figures and is tested against this class.
/// </summary>
/// <remarks>
/// A blob digest seen with two different descriptor sizes (a malformed or hostile manifest) is counted with
/// the larger size, so stored bytes are never understated.
/// </remarks>
public sealed class SharingCalculator
{
    private readonly Dictionary<(string Scope, string Digest), List<int>> blobReferrers = [];
    private readonly Dictionary<(string Scope, string Digest), long> blobSizes = [];
    private readonly Dictionary<(string Scope, string Digest), List<int>> manifestHolders = [];
    private readonly Dictionary<(string Scope, string Digest), long> manifestSizes = [];

    public SharingCalculator(Inventory inventory, DedupScope scope)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        Inventory = inventory;
        Scope = scope;

        for (var i = 0; i < inventory.Manifests.Count; i++)
        {
            var manifest = inventory.Manifests[i];
            var scopeKey = ScopeKey(manifest.Repository);
            AddHolder(manifestHolders, manifestSizes, (scopeKey, manifest.Digest), manifest.ManifestBytes, i);
            foreach (var blob in manifest.Blobs)
            {
                AddHolder(blobReferrers, blobSizes, (scopeKey, blob.Digest), blob.Size, i);
            }
        }
    }

    /// <summary>The inventory the figures are computed over.</summary>
    public Inventory Inventory { get; }

    /// <summary>The deduplication scope of stored bytes.</summary>
    public DedupScope Scope { get; }

    /// <summary>Logical and stored bytes of the whole registry.</summary>
    public SizeSummary RegistrySummary() =>
        Summarize(Inventory.Registry, Enumerable.Range(0, Inventory.Manifests.Count));

    /// <summary>Logical and stored bytes per repository, ordered by name.</summary>
    public IReadOnlyList<SizeSummary> RepositorySummaries() =>
    [
        .. Enumerable.Range(0, Inventory.Manifests.Count)
            .GroupBy(i => Inventory.Manifests[i].Repository, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarize(g.Key, g)),
    ];

    /// <summary>Image, exclusive, amortized and cold pull bytes of every present manifest.</summary>
    public IReadOnlyList<ImageFigures> Images() =>
        [.. Enumerable.Range(0, Inventory.Manifests.Count).Select(ImageFiguresOf)];

    /// <summary>The figures of the manifest at <paramref name="position"/>.</summary>
    public ImageFigures ImageFiguresOf(int position)
    {
        var manifest = Inventory.Manifests[position];
        var exclusive = Freed(Inventory.DeletionClosure([position])).BlobBytes;
        return new ImageFigures(
            manifest.Key,
            ImageBytes(position),
            exclusive,
            AmortizedBytes(position),
            PullLayers(position).Sum(l => l.Size));
    }

    /// <summary>Image bytes: config plus layers; for an index the union of its children's blobs, each once.</summary>
    public long ImageBytes(int position)
    {
        var manifest = Inventory.Manifests[position];
        if (manifest.Kind != ManifestKind.Index)
        {
            return manifest.Blobs.Sum(b => b.Size);
        }

        return Inventory.ChildrenOf(position)
            .SelectMany(c => Inventory.Manifests[c].Blobs)
            .DistinctBy(b => b.Digest, StringComparer.Ordinal)
            .Sum(b => b.Size);
    }

    /// <summary>Each distinct blob's size over its referencing manifests; an index sums its children.</summary>
    public decimal AmortizedBytes(int position)
    {
        var manifest = Inventory.Manifests[position];
        if (manifest.Kind == ManifestKind.Index)
        {
            return Inventory.ChildrenOf(position).Sum(AmortizedBytes);
        }

        var scopeKey = ScopeKey(manifest.Repository);
        return manifest.Blobs
            .Select(b => b.Digest)
            .Distinct(StringComparer.Ordinal)
            .Sum(d => (decimal)blobSizes[(scopeKey, d)] / blobReferrers[(scopeKey, d)].Count);
    }

    /// <summary>Pull figures of every tag; the previous tag is the one pushed just before in its repository.</summary>
    public IReadOnlyList<TagFigures> Tags()
    {
        var result = new List<TagFigures>();
        var byRepository = Enumerable.Range(0, Inventory.Manifests.Count)
            .SelectMany(i => Inventory.Manifests[i].Tags.Select(t => (Position: i, Tag: t)))
            .GroupBy(x => Inventory.Manifests[x.Position].Repository, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var repository in byRepository)
        {
            (int Position, InventoryTag Tag)? previous = null;
            var ordered = repository.OrderBy(x => x.Tag.PushedAt).ThenBy(x => x.Tag.Name, StringComparer.Ordinal);
            foreach (var (position, tag) in ordered)
            {
                var layers = PullLayers(position);
                var cold = layers.Sum(l => l.Size);
                var incremental = cold;
                if (previous is { } p)
                {
                    var before = PullLayers(p.Position).Select(l => l.Digest).ToHashSet(StringComparer.Ordinal);
                    incremental = layers.Where(l => !before.Contains(l.Digest)).Sum(l => l.Size);
                }

                var manifest = Inventory.Manifests[position];
                result.Add(new TagFigures(
                    repository.Key,
                    tag.Name,
                    manifest.Digest,
                    ImageBytes(position),
                    cold,
                    incremental,
                    previous?.Tag.Name));
                previous = (position, tag);
            }
        }

        return result;
    }

    /// <summary>Per blob: distinct manifests and repositories referencing it, largest first.</summary>
    public IReadOnlyList<BlobUsage> BlobUsages() =>
    [
        .. Inventory.Manifests
            .SelectMany(m => m.Blobs.Select(b => (Manifest: m, Blob: b)))
            .GroupBy(x => x.Blob.Digest, StringComparer.Ordinal)
            .Select(g => new BlobUsage(
                g.Key,
                g.Max(x => x.Blob.Size),
                g.Select(x => x.Manifest.Digest).Distinct(StringComparer.Ordinal).Count(),
                g.Select(x => x.Manifest.Repository).Distinct(StringComparer.Ordinal).Count()))
            .OrderByDescending(u => u.Size)
            .ThenBy(u => u.Digest, StringComparer.Ordinal),
    ];

    /// <summary>Blobs and manifest documents referenced only by <paramref name="deleted"/>, each once.</summary>
    public FreedBytes Freed(IReadOnlySet<int> deleted)
    {
        ArgumentNullException.ThrowIfNull(deleted);
        long blobBytes = 0;
        long manifestBytes = 0;
        var blobs = 0;
        var seen = new HashSet<(string, string)>();
        foreach (var position in deleted)
        {
            var manifest = Inventory.Manifests[position];
            var scopeKey = ScopeKey(manifest.Repository);
            foreach (var blob in manifest.Blobs)
            {
                var key = (scopeKey, blob.Digest);
                if (seen.Add(key) && blobReferrers[key].TrueForAll(deleted.Contains))
                {
                    blobBytes += blobSizes[key];
                    blobs++;
                }
            }

            var manifestKey = (scopeKey, manifest.Digest);
            if (seen.Add(manifestKey) && manifestHolders[manifestKey].TrueForAll(deleted.Contains))
            {
                manifestBytes += manifestSizes[manifestKey];
            }
        }

        return new FreedBytes(blobBytes, manifestBytes, blobs);
    }

    /// <summary>Layers one pull transfers; for an index the union of its children's layers, each once.</summary>
    private List<BlobReference> PullLayers(int position)
    {
        var manifest = Inventory.Manifests[position];
        return manifest.Kind != ManifestKind.Index
            ? [.. manifest.Layers]
            : [.. Inventory.ChildrenOf(position)
                .SelectMany(c => Inventory.Manifests[c].Layers)
                .DistinctBy(l => l.Digest, StringComparer.Ordinal)];
    }

    private SizeSummary Summarize(string name, IEnumerable<int> positions)
    {
        var members = positions.ToList();
        var logical = members.Sum(i => Inventory.Manifests[i].Tags.Count * ImageBytes(i));
        var blobKeys = new HashSet<(string, string)>();
        var manifestKeys = new HashSet<(string, string)>();
        foreach (var i in members)
        {
            var manifest = Inventory.Manifests[i];
            var scopeKey = ScopeKey(manifest.Repository);
            manifestKeys.Add((scopeKey, manifest.Digest));
            blobKeys.UnionWith(manifest.Blobs.Select(b => (scopeKey, b.Digest)));
        }

        var stored = blobKeys.Sum(k => blobSizes[k]) + manifestKeys.Sum(k => manifestSizes[k]);
        var tags = members.Sum(i => Inventory.Manifests[i].Tags.Count);
        return new SizeSummary(name, logical, stored, tags, members.Count);
    }

    private string ScopeKey(string repository) => Scope == DedupScope.Registry ? string.Empty : repository;

    private static void AddHolder(
        Dictionary<(string, string), List<int>> holders,
        Dictionary<(string, string), long> sizes,
        (string, string) key,
        long size,
        int position)
    {
        if (!holders.TryGetValue(key, out var list))
        {
            list = [];
            holders[key] = list;
        }

        if (list.Count == 0 || list[^1] != position)
        {
            list.Add(position);
        }

        sizes[key] = sizes.TryGetValue(key, out var known) ? Math.Max(known, size) : size;
    }
}
