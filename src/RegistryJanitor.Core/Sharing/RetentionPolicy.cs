namespace RegistryJanitor.Core.Sharing;

/// <summary>A retention policy to simulate.</summary>
/// <remarks>
/// A tag is kept when any configured keep rule holds: it is among the <see cref="KeepLastTags"/> newest of its
/// repository, it matches one of <see cref="KeepTagPatterns"/>, or it is younger than
/// <see cref="ExpireTagsOlderThan"/>. A policy with none of these three leaves tags alone. A manifest is
/// deleted when every tag it had is deleted, or when it was untagged for longer than
/// <see cref="ExpireUntaggedAfter"/>; its untagged children and referrers go with it.
/// </remarks>
/// <param name="Name">A name for reports.</param>
/// <param name="KeepLastTags">Keep the N most recently pushed tags per repository; null: rule off.</param>
/// <param name="KeepTagPatterns">Tag globs always kept (e.g. <c>v*</c>, <c>latest</c>).</param>
/// <param name="ExpireTagsOlderThan">Tags pushed longer ago than this expire; null: rule off.</param>
/// <param name="ExpireUntaggedAfter">Untagged manifests older than this are deleted; null: rule off.</param>
public sealed record RetentionPolicy(
    string Name,
    int? KeepLastTags = null,
    IReadOnlyList<string>? KeepTagPatterns = null,
    TimeSpan? ExpireTagsOlderThan = null,
    TimeSpan? ExpireUntaggedAfter = null);
