using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>The snapshot of one repository and what its scan counted.</summary>
internal sealed record RepositoryScanOutcome(
    RepositorySnapshot Snapshot, int Tags, int ManifestsFetched, int ManifestsKnown, int Errors);
