namespace RegistryJanitor.Core.Sharing;

/// <summary>Groups image manifests into base-image families.</summary>
/// <remarks>
/// Images carrying a <c>base.digest</c> annotation are grouped by it; the others by their first layer, which
/// is the base image's bottom layer for any image built <c>FROM</c> it. The shared prefix is the longest run
/// of leading layers every member has, so a family whose members diverge early shows few shared bytes.
/// Two bases that happen to start with the same layer fall into one family with their common prefix only.
/// A family without a base name annotation is named after the first layer of its member with the smallest
/// digest (ordinal), so the name does not depend on the order of the inventory.
/// </remarks>
public static class BaseImageFamilyFinder
{
    /// <summary>Families with at least <paramref name="minimumMembers"/> distinct images, most saved first.</summary>
    public static IReadOnlyList<BaseImageFamily> Find(Inventory inventory, int minimumMembers = 2)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumMembers, 2);

        var images = inventory.Manifests.Where(m => m.Kind == ManifestKind.Image && m.Layers.Count > 0);
        var families = new List<BaseImageFamily>();
        foreach (var group in images.GroupBy(FamilyKey, StringComparer.Ordinal))
        {
            var distinct = group
                .DistinctBy(m => m.Digest, StringComparer.Ordinal)
                .OrderBy(m => m.Digest, StringComparer.Ordinal)
                .ToList();
            if (distinct.Count < minimumMembers)
            {
                continue;
            }

            var prefix = CommonPrefix(distinct);
            var sharedBytes = distinct[0].Layers.Take(prefix).Sum(l => l.Size);
            var name = distinct
                .Where(m => !string.IsNullOrEmpty(m.BaseName))
                .GroupBy(m => m.BaseName!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count())
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Key)
                .FirstOrDefault() ?? $"layers from {Short(distinct[0].Layers[0].Digest)}";
            families.Add(new BaseImageFamily(
                name,
                group.Key,
                distinct.Count,
                group.Select(m => m.Repository).Distinct(StringComparer.Ordinal).Count(),
                prefix,
                sharedBytes,
                sharedBytes * (distinct.Count - 1)));
        }

        return [.. families.OrderByDescending(f => f.BytesSavedBySharing).ThenBy(f => f.Key, StringComparer.Ordinal)];
    }

    private static string FamilyKey(InventoryManifest manifest) =>
        string.IsNullOrEmpty(manifest.BaseDigest) ? manifest.Layers[0].Digest : manifest.BaseDigest;

    private static int CommonPrefix(List<InventoryManifest> members)
    {
        var length = members.Min(m => m.Layers.Count);
        for (var i = 0; i < length; i++)
        {
            var digest = members[0].Layers[i].Digest;
            if (!members.TrueForAll(m => string.Equals(m.Layers[i].Digest, digest, StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return length;
    }

    private static string Short(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        var hex = colon >= 0 ? digest[(colon + 1)..] : digest;
        return hex.Length > 12 ? hex[..12] : hex;
    }
}
