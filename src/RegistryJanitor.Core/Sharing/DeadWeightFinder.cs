namespace RegistryJanitor.Core.Sharing;

/// <summary>Finds registry dead weight: untagged manifests, stale images, build caches, orphaned referrers.</summary>
/// <remarks>
/// Untagged children of an index and referrers whose subject is present are not dead weight: they belong to
/// something tagged. A manifest can appear under several kinds (an orphaned referrer is also untagged); it is
/// reported under the most specific kind only, so byte totals per kind never count it twice.
/// </remarks>
public static class DeadWeightFinder
{
    /// <summary>Every dead-weight item, ordered by kind then exclusive bytes descending.</summary>
    public static IReadOnlyList<DeadWeightItem> Find(
        SharingCalculator sharing, DeadWeightOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sharing);
        ArgumentNullException.ThrowIfNull(options);

        var inventory = sharing.Inventory;
        var items = new List<DeadWeightItem>();
        for (var i = 0; i < inventory.Manifests.Count; i++)
        {
            var item = Classify(sharing, options, now, i);
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return [.. items.OrderBy(x => x.Kind).ThenByDescending(x => x.ExclusiveBytes).ThenBy(x => x.Key.ToString())];
    }

    private static DeadWeightItem? Classify(
        SharingCalculator sharing, DeadWeightOptions options, DateTimeOffset now, int i)
    {
        var inventory = sharing.Inventory;
        var manifest = inventory.Manifests[i];
        var tags = manifest.Tags.Select(t => t.Name).ToList();

        if (inventory.IsOrphanedReferrer(i))
        {
            var reason = $"subject {manifest.SubjectDigest} is gone";
            return Item(DeadWeightKind.OrphanedReferrer, manifest.PushedAt, reason);
        }

        if (manifest.Kind == ManifestKind.BuildCache)
        {
            return Item(DeadWeightKind.BuildCache, manifest.PushedAt, "BuildKit registry cache");
        }

        var attached = inventory.ParentsOf(i).Count > 0 || manifest.SubjectDigest is not null;
        if (tags.Count == 0 && !attached)
        {
            var since = manifest.UntaggedSince ?? manifest.PushedAt;
            return Item(DeadWeightKind.Untagged, since, "no tag, not listed by an index, not attached to an image");
        }

        if (tags.Count == 0)
        {
            return null;
        }

        var newestPush = manifest.Tags.Max(t => t.PushedAt);
        if (manifest.LastPulledAt is { } pulled && now - pulled > options.StaleAfterPull)
        {
            return Item(DeadWeightKind.Stale, pulled, $"last pulled {(int)(now - pulled).TotalDays} days ago");
        }

        if (manifest.LastPulledAt is null && now - newestPush > options.StaleAfterPush)
        {
            var reason = $"newest tag pushed {(int)(now - newestPush).TotalDays} days ago";
            return Item(DeadWeightKind.Stale, newestPush, reason);
        }

        return null;

        DeadWeightItem Item(DeadWeightKind kind, DateTimeOffset? since, string reason)
        {
            var figures = sharing.ImageFiguresOf(i);
            return new DeadWeightItem(
                kind, manifest.Key, tags, figures.ImageBytes, figures.ExclusiveBytes, since, reason);
        }
    }
}
