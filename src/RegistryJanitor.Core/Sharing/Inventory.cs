namespace RegistryJanitor.Core.Sharing;

/// <summary>
/// The manifests present in one registry, indexed for the sharing figures: parents of index children and
/// referrers of subjects, both within a repository.
/// </summary>
public sealed class Inventory
{
    private readonly Dictionary<ManifestKey, int> positions = [];
    private readonly Dictionary<int, List<int>> parents = [];
    private readonly Dictionary<int, List<int>> referrers = [];

    public Inventory(string registry, IEnumerable<InventoryManifest> manifests)
    {
        ArgumentException.ThrowIfNullOrEmpty(registry);
        ArgumentNullException.ThrowIfNull(manifests);
        Registry = registry;
        Manifests = [.. manifests];

        for (var i = 0; i < Manifests.Count; i++)
        {
            if (!positions.TryAdd(Manifests[i].Key, i))
            {
                throw new ArgumentException($"Manifest {Manifests[i].Key} is listed twice.", nameof(manifests));
            }
        }

        for (var i = 0; i < Manifests.Count; i++)
        {
            var manifest = Manifests[i];
            foreach (var child in manifest.Children.Distinct(StringComparer.Ordinal))
            {
                if (positions.TryGetValue(new ManifestKey(manifest.Repository, child), out var c))
                {
                    Add(parents, c, i);
                }
            }

            if (manifest.SubjectDigest is not null
                && positions.TryGetValue(new ManifestKey(manifest.Repository, manifest.SubjectDigest), out var s))
            {
                Add(referrers, s, i);
            }
        }
    }

    /// <summary>The registry name.</summary>
    public string Registry { get; }

    /// <summary>Every present manifest; positions in this list identify manifests in the figures.</summary>
    public IReadOnlyList<InventoryManifest> Manifests { get; }

    /// <summary>The position of a present manifest, or -1.</summary>
    public int PositionOf(ManifestKey key) => positions.TryGetValue(key, out var i) ? i : -1;

    /// <summary>Present children of the manifest at <paramref name="position"/> (indexes only).</summary>
    public IEnumerable<int> ChildrenOf(int position)
    {
        var manifest = Manifests[position];
        return manifest.Children
            .Distinct(StringComparer.Ordinal)
            .Select(c => PositionOf(new ManifestKey(manifest.Repository, c)))
            .Where(c => c >= 0);
    }

    /// <summary>Present indexes listing the manifest at <paramref name="position"/> as a child.</summary>
    public IReadOnlyList<int> ParentsOf(int position) => parents.TryGetValue(position, out var p) ? p : [];

    /// <summary>Present referrers whose subject is the manifest at <paramref name="position"/>.</summary>
    public IReadOnlyList<int> ReferrersOf(int position) => referrers.TryGetValue(position, out var r) ? r : [];

    /// <summary>True when the subject of a referrer is missing from its repository.</summary>
    public bool IsOrphanedReferrer(int position)
    {
        var manifest = Manifests[position];
        return manifest.SubjectDigest is not null
            && PositionOf(new ManifestKey(manifest.Repository, manifest.SubjectDigest)) < 0;
    }

    /// <summary>
    /// What deleting <paramref name="roots"/> removes in the end: the roots, plus untagged children whose every
    /// parent index is removed, plus untagged referrers whose subject is removed — as a registry's garbage
    /// collector with untagged deletion would.
    /// </summary>
    /// <param name="roots">Positions deleted outright.</param>
    /// <param name="isTagged">Whether a manifest still has a tag; default: it has any tag now.</param>
    public HashSet<int> DeletionClosure(IEnumerable<int> roots, Func<int, bool>? isTagged = null)
    {
        isTagged ??= position => Manifests[position].Tags.Count > 0;
        var deleted = new HashSet<int>(roots);
        var pending = new Stack<int>(deleted);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            var dependants = ChildrenOf(current)
                .Where(c => ParentsOf(c).All(deleted.Contains))
                .Concat(ReferrersOf(current));
            foreach (var dependant in dependants)
            {
                if (!isTagged(dependant) && deleted.Add(dependant))
                {
                    pending.Push(dependant);
                }
            }
        }

        return deleted;
    }

    private static void Add(Dictionary<int, List<int>> map, int key, int value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        list.Add(value);
    }
}
