namespace RegistryJanitor.Core.Layers;

/// <summary>One entry of a layer's index.</summary>
/// <param name="Path">Normalised path relative to the root, without a leading or trailing slash.</param>
/// <param name="Size">Content bytes; zero for everything but regular files.</param>
/// <param name="Type">What the entry is, whiteouts included.</param>
/// <param name="Mode">Permission bits from the tar header.</param>
/// <param name="Secret">The kind of credential the file appears to hold, from its name and a capped prefix.</param>
public readonly record struct LayerEntry(string Path, long Size, LayerEntryType Type, int Mode, SecretKind Secret)
{
    /// <summary>
    /// True for <see cref="LayerEntryType.Whiteout"/> and <see cref="LayerEntryType.OpaqueWhiteout"/>.
    /// </summary>
    public bool IsWhiteout => Type is LayerEntryType.Whiteout or LayerEntryType.OpaqueWhiteout;
}
