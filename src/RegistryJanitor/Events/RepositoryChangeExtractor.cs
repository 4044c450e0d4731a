namespace RegistryJanitor.Events;

/// <summary>Picks the repositories a notification batch reports as changed, for the change feed.</summary>
/// <remarks>
/// Push, delete and mount events all count, whatever their target (manifest, tag or blob): a blob event alone
/// changes no tag, but telling them apart would trust more of an event's fields than the feed needs, and a
/// needless re-read of one repository costs little. Names are length-capped like the pull extractor's.
/// </remarks>
public static class RepositoryChangeExtractor
{
    private const int MaxNameLength = 512;

    /// <summary>How many change events each repository named in <paramref name="envelope"/> had.</summary>
    public static IReadOnlyDictionary<string, int> Extract(RegistryEventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);

        var changes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in envelope.Events)
        {
            var repository = item.Target?.Repository ?? string.Empty;
            if (item.Action is not ("push" or "delete" or "mount")
                || repository.Length is 0 or > MaxNameLength)
            {
                continue;
            }

            changes[repository] = changes.GetValueOrDefault(repository) + 1;
        }

        return changes;
    }
}
