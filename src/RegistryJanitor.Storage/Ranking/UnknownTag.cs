namespace RegistryJanitor.Storage.Ranking;

/// <summary>A requested tag the inventory does not hold, and whether at least its repository is known.</summary>
/// <param name="Requested">The tag as requested.</param>
/// <param name="RepositoryKnown">True when the repository was scanned but has no such tag.</param>
public sealed record UnknownTag(RequestedTag Requested, bool RepositoryKnown)
{
    /// <summary>Why the tag cannot be ranked, naming it.</summary>
    public string Reason => RepositoryKnown
        ? $"repository '{Requested.Repository}' has no tag '{Requested.Tag}'"
        : $"no scanned repository is named '{Requested.Repository}'";
}
