namespace RegistryJanitor.Core.Sharing;

/// <summary>Pull figures of one tag.</summary>
/// <param name="Repository">The repository.</param>
/// <param name="Tag">The tag.</param>
/// <param name="Digest">The manifest the tag points at.</param>
/// <param name="ImageBytes">Image bytes of that manifest.</param>
/// <param name="ColdPullBytes">All layer bytes.</param>
/// <param name="IncrementalPullBytes">Layers not present in <paramref name="PreviousTag"/>; cold when none.</param>
/// <param name="PreviousTag">The tag pushed just before this one in the repository, if any.</param>
public sealed record TagFigures(
    string Repository,
    string Tag,
    string Digest,
    long ImageBytes,
    long ColdPullBytes,
    long IncrementalPullBytes,
    string? PreviousTag);
