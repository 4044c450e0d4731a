namespace RegistryJanitor.Core.Layers;

/// <summary>Stacks an image's layers the way an overlay filesystem does and measures the bytes it hides.</summary>
/// <remarks>
/// Per layer, whiteouts and opaque markers are applied first, to what lower layers built, and only then are the
/// layer's own entries added, so a whiteout never removes a file of its own layer. A copy counts as hidden when
/// a later layer deletes it, empties its directory, or replaces the path (a directory replaced by a file hides
/// everything under it). Two copies of one path inside the same layer are not counted: the product definition
/// speaks of lower-layer copies, and tar writers that emit duplicates are rare.
/// </remarks>
public static class ImageOverlay
{
    private const int EvidenceCount = 10;

    public static OverlayResult Compute(IReadOnlyList<LayerIndex> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var state = new Walk(layers);
        for (var layer = 0; layer < layers.Count; layer++)
        {
            state.ApplyWhiteouts(layer);
            state.AddEntries(layer);
        }

        return state.ToResult();
    }

    private sealed class Walk(IReadOnlyList<LayerIndex> layers)
    {
        private readonly OverlayNode root = new(0, OverlayNode.Implicit, LayerEntryType.Directory, 0);
        private readonly PriorityQueue<HiddenCopy, long> largest = new();
        private long hiddenBytes;
        private int hiddenFiles;

        public void ApplyWhiteouts(int layer)
        {
            var entries = layers[layer].Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (entry.Type == LayerEntryType.OpaqueWhiteout)
                {
                    var directory = entry.Path.Length == 0 ? root : Find(entry.Path);
                    if (directory is { Type: LayerEntryType.Directory, Children: not null })
                    {
                        foreach (var child in directory.Children.Values)
                        {
                            Evict(child, layer);
                        }

                        directory.Children = null;
                    }
                }
                else if (entry.Type == LayerEntryType.Whiteout)
                {
                    var parent = entry.Path.Contains('/', StringComparison.Ordinal)
                        ? Find(LayerPath.Parent(entry.Path))
                        : root;
                    var name = Name(entry.Path);
                    if (parent?.Children is { } children
                        && children.GetAlternateLookup<ReadOnlySpan<char>>().Remove(name, out _, out var removed))
                    {
                        Evict(removed, layer);
                    }
                }
            }
        }

        public void AddEntries(int layer)
        {
            var entries = layers[layer].Entries;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (!entry.IsWhiteout)
                {
                    Add(entry, layer, i);
                }
            }
        }

        public OverlayResult ToResult()
        {
            var visible = new Dictionary<string, VisibleFile>(StringComparer.Ordinal);
            Collect(root, visible);
            var evidence = new List<HiddenCopy>(largest.Count);
            while (largest.TryDequeue(out var copy, out _))
            {
                evidence.Add(copy);
            }

            evidence.Reverse();
            return new OverlayResult(visible, hiddenBytes, hiddenFiles, evidence);
        }

        private void Add(LayerEntry entry, int layer, int index)
        {
            var node = root;
            var rest = entry.Path.AsSpan();
            while (true)
            {
                var slash = rest.IndexOf('/');
                var segment = slash < 0 ? rest : rest[..slash];
                var children = node.EnsureChildren();
                var lookup = children.GetAlternateLookup<ReadOnlySpan<char>>();
                lookup.TryGetValue(segment, out var existing);
                if (slash >= 0)
                {
                    node = Descend(existing, lookup, segment, layer);
                    rest = rest[(slash + 1)..];
                    continue;
                }

                if (existing is not null && existing.Type == LayerEntryType.Directory
                    && entry.Type == LayerEntryType.Directory)
                {
                    existing.Layer = layer;
                    existing.EntryIndex = index;
                    return;
                }

                if (existing is not null)
                {
                    Evict(existing, layer);
                }

                lookup[segment] = new OverlayNode(layer, index, entry.Type, entry.Size);
                return;
            }
        }

        private OverlayNode Descend(
            OverlayNode? existing,
            Dictionary<string, OverlayNode>.AlternateLookup<ReadOnlySpan<char>> lookup,
            ReadOnlySpan<char> segment,
            int layer)
        {
            if (existing is { Type: LayerEntryType.Directory })
            {
                return existing;
            }

            if (existing is not null)
            {
                Evict(existing, layer);
            }

            var directory = new OverlayNode(layer, OverlayNode.Implicit, LayerEntryType.Directory, 0);
            lookup[segment] = directory;
            return directory;
        }

        private OverlayNode? Find(ReadOnlySpan<char> path)
        {
            var node = root;
            while (!path.IsEmpty)
            {
                var slash = path.IndexOf('/');
                var segment = slash < 0 ? path : path[..slash];
                if (node.Children is null
                    || !node.Children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(segment, out var next))
                {
                    return null;
                }

                node = next;
                path = slash < 0 ? [] : path[(slash + 1)..];
            }

            return node;
        }

        private void Evict(OverlayNode node, int hidingLayer)
        {
            if (node.Type == LayerEntryType.File && node.Layer < hidingLayer)
            {
                hiddenBytes += node.Size;
                hiddenFiles++;
                Remember(node, hidingLayer);
            }

            if (node.Children is not null)
            {
                foreach (var child in node.Children.Values)
                {
                    Evict(child, hidingLayer);
                }
            }
        }

        private void Remember(OverlayNode node, int hidingLayer)
        {
            if (largest.Count == EvidenceCount)
            {
                if (!largest.TryPeek(out _, out var smallest) || smallest >= node.Size)
                {
                    return;
                }

                largest.Dequeue();
            }

            var path = layers[node.Layer].Entries[node.EntryIndex].Path;
            largest.Enqueue(new HiddenCopy(path, node.Size, node.Layer, hidingLayer), node.Size);
        }

        private void Collect(OverlayNode node, Dictionary<string, VisibleFile> visible)
        {
            if (node.Type == LayerEntryType.File)
            {
                var entry = layers[node.Layer].Entries[node.EntryIndex];
                visible[entry.Path] = new VisibleFile(entry, node.Layer);
            }

            if (node.Children is not null)
            {
                foreach (var child in node.Children.Values)
                {
                    Collect(child, visible);
                }
            }
        }

        private static ReadOnlySpan<char> Name(string path)
        {
            var slash = path.LastIndexOf('/');
            return path.AsSpan(slash + 1);
        }
    }
}
