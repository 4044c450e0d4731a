namespace RegistryJanitor.Storage.Ranking;

/// <summary>One row of <see cref="ImageEvidenceSql.SelectUnknownTags"/>.</summary>
internal sealed class UnknownTagRow
{
    public string Repository { get; init; } = string.Empty;

    public string Tag { get; init; } = string.Empty;

    public bool RepositoryKnown { get; init; }
}
