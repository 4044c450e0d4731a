namespace RegistryJanitor.Core.Layers;

/// <summary>
/// A node of the stacked tree dive keeps to size a whiteout: payload size and whether it is a directory.
/// </summary>
internal sealed class DiveTreeNode
{
    public long Size { get; set; }

    /// <summary>
    /// True only when a directory entry declared the node; implicit parents are not directories to dive.
    /// </summary>
    public bool IsDirectory { get; set; }

    public Dictionary<string, DiveTreeNode>? Children { get; set; }

    public long SubtreeSize()
    {
        var total = Size;
        if (Children is not null)
        {
            foreach (var child in Children.Values)
            {
                total += child.SubtreeSize();
            }
        }

        return total;
    }
}
