namespace RegistryJanitor.Storage.Costs;

/// <summary>One row of <c>pull_counts</c>.</summary>
public sealed record PullCountRow(
    string Registry,
    string Repository,
    string ManifestDigest,
    DateOnly Day,
    string Source,
    long PullCount);
