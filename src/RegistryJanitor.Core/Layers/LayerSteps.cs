using RegistryJanitor.Core.Manifests;

namespace RegistryJanitor.Core.Layers;

/// <summary>Pairs an image's layers with the config history steps that made them.</summary>
public static class LayerSteps
{
    /// <summary>
    /// The <c>created_by</c> of each layer-making step (history entries without <c>empty_layer</c>), in layer order;
    /// empty when the history does not hold exactly one such step per layer, since then no pairing can be trusted.
    /// </summary>
    public static IReadOnlyList<string?> FromHistory(IReadOnlyList<HistoryEntry> history, int layerCount)
    {
        ArgumentNullException.ThrowIfNull(history);
        var steps = history.Where(entry => !entry.EmptyLayer).Select(entry => entry.CreatedBy).ToList();
        return steps.Count == layerCount ? steps : [];
    }
}
