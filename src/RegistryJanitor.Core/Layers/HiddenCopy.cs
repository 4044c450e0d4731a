namespace RegistryJanitor.Core.Layers;

/// <summary>A file copy that ships in a layer but is invisible in the final filesystem.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Size">Its bytes.</param>
/// <param name="Layer">Zero-based index of the layer that holds the copy.</param>
/// <param name="HiddenByLayer">Zero-based index of the layer that deleted, emptied or replaced it.</param>
public sealed record HiddenCopy(string Path, long Size, int Layer, int HiddenByLayer);
