namespace RegistryJanitor.Core.Layers;

/// <summary>A node of the merged filesystem while layers are stacked.</summary>
internal sealed class OverlayNode
{
    public const int Implicit = -1;

    public OverlayNode(int layer, int entryIndex, LayerEntryType type, long size)
    {
        Layer = layer;
        EntryIndex = entryIndex;
        Type = type;
        Size = size;
    }

    /// <summary>The layer whose copy is current.</summary>
    public int Layer { get; set; }

    /// <summary>Index of the entry in its layer, or <see cref="Implicit"/> for a directory no entry declared.</summary>
    public int EntryIndex { get; set; }

    public LayerEntryType Type { get; set; }

    public long Size { get; set; }

    public Dictionary<string, OverlayNode>? Children { get; set; }

    public Dictionary<string, OverlayNode> EnsureChildren() => Children ??= new(StringComparer.Ordinal);
}
