using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Analysis;

/// <summary>
/// dive's efficiency score of test layers, worked out from the entries the test wrote, by dive's rules as the
/// product documents them (<c>DiveEfficiency</c> remarks), with plain path strings instead of trees.
/// </summary>
/// <remarks>
/// Per layer, only leaves count: entries no other entry of the same layer lies below (a whiteout lies below its
/// directory too). A leaf adds its size to its path's total and may lower the path's smallest copy; a
/// <c>.wh.NAME</c> leaf counts for NAME with the size of everything at and below NAME in the lower layers when
/// they declared NAME as a directory, else zero. Opaque markers are ignored altogether. The score is the sum of
/// smallest copies over the sum of totals, 1 when nothing was seen.
/// </remarks>
internal static class DiveExpectation
{
    private const string WhiteoutPrefix = ".wh.";

    public static double Score(IReadOnlyList<TestLayer> layers)
    {
        var lower = new Dictionary<string, (bool Directory, long Size)>(StringComparer.Ordinal);
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var smallest = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            var entries = layer.Entries
                .Where(entry => entry.Kind != LayerEntryKind.OpaqueWhiteout)
                .Select(entry => (Entry: entry, Path: Target(entry)))
                .GroupBy(item => (item.Path, item.Entry.Kind == LayerEntryKind.Whiteout))
                .Select(group => group.Last())
                .ToList();
            foreach (var (entry, path) in entries)
            {
                if (entries.Any(other => other.Path.StartsWith(path + "/", StringComparison.Ordinal)))
                {
                    continue;
                }

                var size = entry.Kind != LayerEntryKind.Whiteout ? entry.Size
                    : lower.TryGetValue(path, out var previous) && previous.Directory ? SizeAtAndBelow(lower, path)
                    : 0;
                totals[path] = totals.GetValueOrDefault(path) + size;
                smallest[path] = smallest.TryGetValue(path, out var least) ? Math.Min(least, size) : size;
            }

            foreach (var (entry, path) in entries)
            {
                if (entry.Kind == LayerEntryKind.Whiteout)
                {
                    foreach (var removed in lower.Keys.Where(key => IsAtOrBelow(key, path)).ToList())
                    {
                        lower.Remove(removed);
                    }
                }
            }

            foreach (var (entry, path) in entries.Where(item => item.Entry.Kind != LayerEntryKind.Whiteout))
            {
                lower[path] = (entry.Kind == LayerEntryKind.Directory, entry.Size);
            }
        }

        var all = totals.Values.Sum();
        return all == 0 ? 1.0 : (double)smallest.Values.Sum() / all;
    }

    /// <summary>The path an entry stands for: without trailing slash, and NAME for <c>.wh.NAME</c>.</summary>
    private static string Target(LayerEntry entry)
    {
        var path = entry.Path.TrimEnd('/');
        if (entry.Kind != LayerEntryKind.Whiteout)
        {
            return path;
        }

        var slash = path.LastIndexOf('/');
        return path[..(slash + 1)] + path[(slash + 1 + WhiteoutPrefix.Length)..];
    }

    private static long SizeAtAndBelow(Dictionary<string, (bool Directory, long Size)> lower, string path) =>
        lower.Where(pair => IsAtOrBelow(pair.Key, path)).Sum(pair => pair.Value.Size);

    private static bool IsAtOrBelow(string candidate, string path) =>
        candidate == path || candidate.StartsWith(path + "/", StringComparison.Ordinal);
}
