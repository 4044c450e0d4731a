namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>One config history entry; entries with <paramref name="EmptyLayer"/> have no layer.</summary>
public sealed record HistoryEntry(
    string CreatedBy,
    bool EmptyLayer = false,
    string? Comment = null,
    DateTimeOffset? Created = null);
