namespace RegistryJanitor.Storage.Reports;

/// <summary>A ranking run as the report refers to it.</summary>
internal sealed record RankingRunRef
{
    public long Id { get; init; }
    public string Currency { get; init; } = string.Empty;
}
