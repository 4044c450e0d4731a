namespace RegistryJanitor.Core.Layers;

/// <summary>
/// Finds <c>node_modules</c> trees that came in with a copy of the build context rather than from an install.
/// </summary>
/// <remarks>
/// By path alone a <c>node_modules</c> copied from the build host looks like one a service needs. The history
/// tells them apart: a tree is leaked when the layer its visible copy comes from was made by a context COPY or ADD
/// (<see cref="BuildStep.IsContextCopy"/>) and that same layer also carries source files in the folder holding the
/// <c>node_modules</c> — the whole source tree came along, not a deliberate copy of one folder. A tree written by
/// <c>RUN npm ci</c> (or yarn, pnpm), copied from another stage, or in an image without a usable history is left
/// alone.
/// </remarks>
public sealed class LeakedNodeModules
{
    private const string Segment = "node_modules/";

    private static readonly LeakedNodeModules Nothing = new(new Dictionary<int, HashSet<string>>());

    // Per context-copy layer: every folder (and its ancestors) that holds a file outside node_modules.
    private readonly Dictionary<int, HashSet<string>> sourceFolders;

    private LeakedNodeModules(Dictionary<int, HashSet<string>> sourceFolders)
    {
        this.sourceFolders = sourceFolders;
    }

    /// <summary>Looks at the layers whose step in <paramref name="layerSteps"/> is a context copy.</summary>
    /// <param name="layers">The image's layers in order.</param>
    /// <param name="layerSteps">
    /// The <c>created_by</c> of the step that made each layer, aligned with <paramref name="layers"/>; empty when
    /// the history is unknown.
    /// </param>
    public static LeakedNodeModules Find(IReadOnlyList<LayerIndex> layers, IReadOnlyList<string?> layerSteps)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(layerSteps);
        if (layerSteps.Count != layers.Count)
        {
            return Nothing;
        }

        var folders = new Dictionary<int, HashSet<string>>();
        for (var layer = 0; layer < layers.Count; layer++)
        {
            if (BuildStep.IsContextCopy(layerSteps[layer]))
            {
                folders[layer] = SourceFolders(layers[layer]);
            }
        }

        return new LeakedNodeModules(folders);
    }

    /// <summary>True when <paramref name="path"/>, visible from layer <paramref name="layer"/>, is leaked.</summary>
    public bool Contains(string path, int layer)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!sourceFolders.TryGetValue(layer, out var folders))
        {
            return false;
        }

        var modules = FirstSegment(path);
        return modules >= 0 && folders.Contains(modules == 0 ? string.Empty : path[..(modules - 1)]);
    }

    private static HashSet<string> SourceFolders(LayerIndex layer)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in layer.Entries)
        {
            if (entry.Type != LayerEntryType.File || FirstSegment(entry.Path) >= 0)
            {
                continue;
            }

            var folder = entry.Path;
            do
            {
                var slash = folder.LastIndexOf('/');
                folder = slash < 0 ? string.Empty : folder[..slash];
            }
            while (folders.Add(folder) && folder.Length > 0);
        }

        return folders;
    }

    /// <summary>Where the first <c>node_modules/</c> path segment starts, or -1.</summary>
    private static int FirstSegment(string path)
    {
        var index = path.IndexOf(Segment, StringComparison.Ordinal);
        while (index > 0 && path[index - 1] != '/')
        {
            index = path.IndexOf(Segment, index + 1, StringComparison.Ordinal);
        }

        return index;
    }
}
