using RegistryJanitor.Core.Manifests;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Finds how many leading layers came from the base image, from the config history.</summary>
/// <remarks>
/// A base image's history normally ends with its CMD or ENTRYPOINT; the last such step that is followed by
/// further layer-producing steps marks the boundary. Images whose history does not show it (squashed, or
/// built without history) fall back to the first layer and the estimate says so.
/// </remarks>
public static class BaseLayers
{
    /// <summary>The number of leading layers of the base, and whether the history showed the boundary.</summary>
    public static (int Count, bool FromHistory) Count(ImageEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var history = evidence.Config?.History ?? [];
        var boundary = -1;
        for (var step = 0; step < history.Count; step++)
        {
            if (IsCommandStep(history[step]) && history.Skip(step + 1).Any(entry => !entry.EmptyLayer))
            {
                boundary = step;
            }
        }

        if (boundary < 0)
        {
            return (Math.Min(1, evidence.Layers.Count), false);
        }

        var layers = history.Take(boundary).Count(entry => !entry.EmptyLayer);
        return (Math.Min(layers, evidence.Layers.Count), true);
    }

    private static bool IsCommandStep(HistoryEntry entry)
    {
        var text = (entry.CreatedBy ?? string.Empty)
            .Replace("/bin/sh -c #(nop) ", string.Empty, StringComparison.Ordinal)
            .TrimStart();
        return entry.EmptyLayer && (text.StartsWith("CMD", StringComparison.Ordinal)
            || text.StartsWith("ENTRYPOINT", StringComparison.Ordinal));
    }
}
