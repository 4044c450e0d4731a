using RegistryJanitor.Core.Costs;

namespace RegistryJanitor.Core.Sharing;

/// <summary>Simulates a retention policy over an inventory without touching the registry.</summary>
public static class RetentionSimulator
{
    /// <summary>The tags and manifests <paramref name="policy"/> deletes at a time, and the bytes freed.</summary>
    public static RetentionResult Simulate(SharingCalculator sharing, RetentionPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sharing);
        ArgumentNullException.ThrowIfNull(policy);

        var inventory = sharing.Inventory;
        var deletedTags = DeletedTags(inventory, policy, now);
        var deletedTagSet = deletedTags.ToHashSet();
        bool StillTagged(int i)
        {
            var m = inventory.Manifests[i];
            return m.Tags.Any(t => !deletedTagSet.Contains((m.Repository, t.Name)));
        }

        var roots = new List<int>();
        for (var i = 0; i < inventory.Manifests.Count; i++)
        {
            var manifest = inventory.Manifests[i];
            var topLevel = inventory.ParentsOf(i).Count == 0
                && (manifest.SubjectDigest is null || inventory.IsOrphanedReferrer(i));
            if (!topLevel)
            {
                continue;
            }

            var lostAllTags = manifest.Tags.Count > 0 && !StillTagged(i);
            var untaggedExpired = manifest.Tags.Count == 0
                && policy.ExpireUntaggedAfter is { } untaggedAge
                && now - (manifest.UntaggedSince ?? manifest.PushedAt) > untaggedAge;
            if (lostAllTags || untaggedExpired)
            {
                roots.Add(i);
            }
        }

        var deleted = inventory.DeletionClosure(roots, StillTagged);
        var keys = deleted.Order().Select(i => inventory.Manifests[i].Key).ToList();
        return new RetentionResult(policy, deletedTags, keys, sharing.Freed(deleted));
    }

    private static List<(string Repository, string Tag)> DeletedTags(
        Inventory inventory, RetentionPolicy policy, DateTimeOffset now)
    {
        var patterns = (policy.KeepTagPatterns ?? []).Select(p => new RepositoryGlob(p)).ToList();
        var tagRulesOn = policy.KeepLastTags is not null
            || policy.ExpireTagsOlderThan is not null
            || patterns.Count > 0;
        var deleted = new List<(string Repository, string Tag)>();
        if (!tagRulesOn)
        {
            return deleted;
        }

        var byRepository = inventory.Manifests
            .SelectMany(m => m.Tags.Select(t => (m.Repository, Tag: t)))
            .GroupBy(x => x.Repository, StringComparer.Ordinal);
        foreach (var repository in byRepository)
        {
            var newestFirst = repository
                .OrderByDescending(x => x.Tag.PushedAt)
                .ThenBy(x => x.Tag.Name, StringComparer.Ordinal)
                .Select((x, rank) => (x.Tag, Rank: rank));
            foreach (var (tag, rank) in newestFirst)
            {
                var keep = rank < policy.KeepLastTags
                    || patterns.Exists(p => p.IsMatch(tag.Name))
                    || (policy.ExpireTagsOlderThan is { } maxAge && now - tag.PushedAt <= maxAge);
                if (!keep)
                {
                    deleted.Add((repository.Key, tag.Name));
                }
            }
        }

        return deleted;
    }
}
