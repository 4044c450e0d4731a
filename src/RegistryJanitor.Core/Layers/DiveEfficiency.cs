namespace RegistryJanitor.Core.Layers;

/// <summary>dive's image efficiency score, computed the way dive computes it, so figures can be compared.</summary>
/// <remarks>
/// Our reading of dive (<c>filetree/efficiency.go</c> with <c>file_tree.go</c> and <c>file_node.go</c>):
/// <list type="bullet">
/// <item>Each layer is a tree of its entries; only its leaves are visited (a directory that has entries under
/// it in the same layer is not, an empty one is, with its header size, normally zero).</item>
/// <item>A leaf adds its size to its path's sum and lowers the path's minimum. The path of a <c>.wh.NAME</c>
/// leaf is NAME. Its size is zero unless the tree stacked from the lower layers holds a directory declared by a
/// directory entry at NAME: then it is the size of that whole subtree.</item>
/// <item>Opaque markers never enter dive's trees (it refuses names starting <c>.wh..wh..</c>), so they neither
/// count nor remove anything.</item>
/// <item>Score = sum over paths of the smallest copy / sum over paths of all copies; 1 when nothing was seen.</item>
/// </list>
/// One divergence: when a whiteout names a path the lower layers do not have, dive stops visiting the rest of
/// that layer (an error return); we count that whiteout as zero and go on, because the rest of the layer is
/// real content and a partial walk depends on dive's map iteration details.
/// </remarks>
public static class DiveEfficiency
{
    public static double Compute(IReadOnlyList<LayerIndex> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var stacked = new DiveTreeNode { IsDirectory = true };
        var minimum = new Dictionary<string, long>(StringComparer.Ordinal);
        var cumulative = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var (path, size) in Leaves(layer, stacked))
            {
                cumulative[path] = cumulative.GetValueOrDefault(path) + size;
                minimum[path] = minimum.TryGetValue(path, out var least) ? Math.Min(least, size) : size;
            }

            Stack(stacked, layer);
        }

        var minimumSum = minimum.Values.Sum();
        var cumulativeSum = cumulative.Values.Sum();
        return cumulativeSum == 0 ? 1.0 : (double)minimumSum / cumulativeSum;
    }

    private static List<(string Path, long Size)> Leaves(LayerIndex layer, DiveTreeNode stacked)
    {
        // A node of the layer's tree has children when another entry lies below it; whiteout leaves are
        // children of their directory too, opaque markers are not (dive never adds them).
        var parents = new HashSet<string>(StringComparer.Ordinal);
        var lookup = parents.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var entry in layer.Entries)
        {
            if (entry.Type == LayerEntryType.OpaqueWhiteout)
            {
                continue;
            }

            var parent = LayerPath.Parent(entry.Path);
            while (!parent.IsEmpty && lookup.Add(parent))
            {
                parent = LayerPath.Parent(parent);
            }
        }

        // The last entry for a node wins, as dive replaces the payload of an existing node.
        var last = new Dictionary<(string Path, bool Whiteout), LayerEntry>();
        foreach (var entry in layer.Entries)
        {
            if (entry.Type != LayerEntryType.OpaqueWhiteout)
            {
                last[(entry.Path, entry.Type == LayerEntryType.Whiteout)] = entry;
            }
        }

        var leaves = new List<(string, long)>(last.Count);
        foreach (var ((path, whiteout), entry) in last)
        {
            if (whiteout)
            {
                var previous = Find(stacked, path);
                leaves.Add((path, previous is { IsDirectory: true } ? previous.SubtreeSize() : 0));
            }
            else if (!parents.Contains(path))
            {
                leaves.Add((path, entry.Size));
            }
        }

        return leaves;
    }

    private static void Stack(DiveTreeNode stacked, LayerIndex layer)
    {
        foreach (var entry in layer.Entries)
        {
            if (entry.Type == LayerEntryType.Whiteout)
            {
                var parent = Find(stacked, LayerPath.Parent(entry.Path));
                var name = entry.Path.AsSpan(entry.Path.LastIndexOf('/') + 1);
                parent?.Children?.GetAlternateLookup<ReadOnlySpan<char>>().Remove(name);
            }
        }

        foreach (var entry in layer.Entries)
        {
            if (!entry.IsWhiteout)
            {
                var node = Ensure(stacked, entry.Path);
                node.Size = entry.Size;
                node.IsDirectory = entry.Type == LayerEntryType.Directory;
            }
        }
    }

    private static DiveTreeNode? Find(DiveTreeNode node, ReadOnlySpan<char> path)
    {
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

    private static DiveTreeNode Ensure(DiveTreeNode node, ReadOnlySpan<char> path)
    {
        while (!path.IsEmpty)
        {
            var slash = path.IndexOf('/');
            var segment = slash < 0 ? path : path[..slash];
            var lookup = (node.Children ??= new(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(segment, out var next))
            {
                next = new DiveTreeNode();
                lookup[segment] = next;
            }

            node = next;
            path = slash < 0 ? [] : path[(slash + 1)..];
        }

        return node;
    }
}
