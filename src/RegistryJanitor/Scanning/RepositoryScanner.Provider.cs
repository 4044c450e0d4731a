using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Scanning;

/// <summary>
/// Provider listings (ACR, ECR): every manifest with its facts, and which untagged ones are anchored.
/// </summary>
internal sealed partial class RepositoryScanner
{
    /// <summary>
    /// Every manifest the provider lists in <paramref name="repository"/> by digest; empty for providers without
    /// a metadata API. Roles come from <see cref="ICloudManifestSource"/> when the provider is one.
    /// </summary>
    private async Task<Dictionary<string, ListedManifest>> ListProviderManifestsAsync(
        string repository, CancellationToken cancellationToken)
    {
        var listed = new Dictionary<string, ListedManifest>(StringComparer.Ordinal);
        if (!provider.CanListManifests)
        {
            return listed;
        }

        if (provider is ICloudManifestSource cloud)
        {
            foreach (var facts in await cloud.ListManifestFactsAsync(repository, cancellationToken))
            {
                listed[facts.Manifest.Digest.ToString()] = new ListedManifest(
                    facts.Manifest,
                    ProviderRoles.From(facts.Role),
                    facts.Children.Select(c => c.ToString()).ToList(),
                    facts.Subject?.ToString());
            }

            return listed;
        }

        await foreach (var manifest in provider.ListManifestsAsync(repository, cancellationToken))
        {
            var role = manifest.Tags.Count > 0 ? ProviderRoles.Tagged : ProviderRoles.Untagged;
            listed[manifest.Digest.ToString()] = new ListedManifest(manifest, role, [], null);
        }

        return listed;
    }

    /// <summary>
    /// Manifests that are not dead weight: those a tag reaches, referrers (signatures, SBOMs, attestations)
    /// whose subject is anchored or unknown, and every child of an anchored manifest. An untagged index child
    /// stays unanchored only when its own index is dangling.
    /// </summary>
    private static HashSet<string> Anchored(
        ScanWork work, HashSet<string> tagReachable, Dictionary<string, ListedManifest> listed)
    {
        var anchored = new HashSet<string>(tagReachable, StringComparer.Ordinal);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (digest, entry) in listed)
            {
                if (anchored.Contains(digest) || entry.Role != ProviderRoles.Referrer)
                {
                    continue;
                }

                var subject = entry.Subject
                    ?? (work.Fetched.TryGetValue(digest, out var fetched) ? fetched.Manifest.SubjectDigest : null);
                if (subject is null || anchored.Contains(subject))
                {
                    changed |= AnchorWithChildren(work, listed, anchored, digest);
                }
            }
        }

        return anchored;
    }

    private static bool AnchorWithChildren(
        ScanWork work, Dictionary<string, ListedManifest> listed, HashSet<string> anchored, string root)
    {
        var added = false;
        var pending = new Stack<string>([root]);
        while (pending.TryPop(out var digest))
        {
            if (!anchored.Add(digest))
            {
                continue;
            }

            added = true;
            var children = listed.TryGetValue(digest, out var entry) ? entry.Children : [];
            foreach (var child in children.Concat(work.ChildrenOf(digest)))
            {
                pending.Push(child);
            }
        }

        return added;
    }
}
