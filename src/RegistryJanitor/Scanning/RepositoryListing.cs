namespace RegistryJanitor.Scanning;

/// <summary>The repositories listed (all of them) and selected by the filters; incomplete when listing broke.</summary>
internal sealed record RepositoryListing(IReadOnlyList<string> All, IReadOnlyList<string> Selected, bool Complete);
