namespace RegistryJanitor.Core.Layers;

/// <summary>The outcome of normalising a tar entry name.</summary>
public enum LayerPathStatus
{
    /// <summary>A usable relative path.</summary>
    Valid = 0,

    /// <summary>The root directory itself (<c>./</c> or <c>/</c>): nothing to index.</summary>
    Root = 1,

    /// <summary>Overlay metadata that is neither a file nor a whiteout (<c>.wh..wh.plnk</c> and similar).</summary>
    Ignored = 2,

    /// <summary>A <c>..</c> component: the name would escape the layer root.</summary>
    Traversal = 3,

    /// <summary>Longer than the configured maximum.</summary>
    TooLong = 4,

    /// <summary>A NUL character or a bare <c>.wh.</c> whiteout.</summary>
    Invalid = 5,
}
