namespace RegistryJanitor.Core.Sharing;

/// <summary>One dead-weight finding at registry level.</summary>
/// <param name="Kind">The category.</param>
/// <param name="Key">Repository and digest.</param>
/// <param name="Tags">Tags pointing at it (empty for untagged).</param>
/// <param name="ImageBytes">Image bytes of the manifest.</param>
/// <param name="ExclusiveBytes">What deleting it (with its untagged children and referrers) frees, blobs only.</param>
/// <param name="Since">Since when it qualifies: untagged since, pushed, or last pulled.</param>
/// <param name="Reason">A short explanation with the figures that made it qualify.</param>
public sealed record DeadWeightItem(
    DeadWeightKind Kind,
    ManifestKey Key,
    IReadOnlyList<string> Tags,
    long ImageBytes,
    long ExclusiveBytes,
    DateTimeOffset? Since,
    string Reason);
