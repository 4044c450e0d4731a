namespace RegistryJanitor.Storage.Replicas;

/// <summary>What scanning one repository of a shared run counted (a <c>scan_run_repositories</c> row).</summary>
/// <param name="Repository">The repository name.</param>
/// <param name="Failed">True when the repository could not be scanned or written.</param>
/// <param name="TagsSeen">Tags listed.</param>
/// <param name="ManifestsNew">Manifests stored for the first time.</param>
/// <param name="ManifestsKnown">Manifests found already stored.</param>
/// <param name="BlobsNew">Blobs stored for the first time.</param>
/// <param name="BytesNew">Descriptor bytes of those blobs.</param>
/// <param name="Unchanged">True when the change feed let the run skip the repository.</param>
public sealed record RepositoryRecord(
    string Repository, bool Failed, int TagsSeen, int ManifestsNew, int ManifestsKnown, int BlobsNew, long BytesNew,
    bool Unchanged = false);
