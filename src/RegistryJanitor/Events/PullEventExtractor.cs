using RegistryJanitor.Core.Model;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Events;

/// <summary>Picks the manifest pulls out of a notification batch.</summary>
/// <remarks>
/// A pull event is counted when its action is <c>pull</c> and its target is a manifest (a <c>/manifests/</c> URL
/// or a manifest media type): the registry reports HEAD and GET alike, and blob pulls are not image pulls.
/// Event fields come from the network and are checked: the digest must parse, names are length-capped.
/// </remarks>
public static class PullEventExtractor
{
    private const int MaxNameLength = 512;

    /// <summary>Extracts the countable pulls of <paramref name="envelope"/> for one registry.</summary>
    public static PullEventBatch Extract(
        RegistryEventEnvelope envelope,
        string registry,
        IReadOnlyCollection<string> excludedUserAgents,
        DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(excludedUserAgents);

        var pulls = new List<PullEvent>();
        var own = 0;
        var ignored = 0;
        foreach (var item in envelope.Events)
        {
            if (!IsManifestPull(item, out var id, out var repository, out var digest))
            {
                ignored++;
                continue;
            }

            var userAgent = item.Request?.UserAgent ?? string.Empty;
            if (excludedUserAgents.Any(x => x.Length > 0 && userAgent.Contains(x, StringComparison.OrdinalIgnoreCase)))
            {
                own++;
                continue;
            }

            var day = DateOnly.FromDateTime((item.Timestamp ?? receivedAt).UtcDateTime);
            pulls.Add(new PullEvent(id, registry, repository, digest, day));
        }

        return new PullEventBatch(pulls, own, ignored);
    }

    private static bool IsManifestPull(RegistryEvent item, out string id, out string repository, out string digest)
    {
        id = item.Id ?? string.Empty;
        repository = item.Target?.Repository ?? string.Empty;
        digest = item.Target?.Digest ?? string.Empty;
        if (!string.Equals(item.Action, "pull", StringComparison.Ordinal) || item.Target is null)
        {
            return false;
        }

        var isManifest = (item.Target.Url?.Contains("/manifests/", StringComparison.Ordinal) ?? false)
            || MediaTypes.IsIndex(item.Target.MediaType)
            || MediaTypes.IsImageManifest(item.Target.MediaType)
            || MediaTypes.IsSchema1(item.Target.MediaType);
        return isManifest
            && id.Length is > 0 and <= MaxNameLength
            && repository.Length is > 0 and <= MaxNameLength
            && Digest.TryParse(digest, out _);
    }
}
