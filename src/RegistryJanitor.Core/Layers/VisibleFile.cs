namespace RegistryJanitor.Core.Layers;

/// <summary>A regular file of the final filesystem and the layer its visible copy comes from.</summary>
public readonly record struct VisibleFile(LayerEntry Entry, int Layer);
