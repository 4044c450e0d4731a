namespace RegistryJanitor.Storage.Inventory;

/// <summary>The counts of a scan run, as stored in <c>scan_runs</c>.</summary>
/// <param name="RepositoriesTotal">Repositories selected for the run.</param>
/// <param name="RepositoriesScanned">Repositories read and written.</param>
/// <param name="RepositoriesFailed">Repositories that could not be read or written.</param>
/// <param name="TagsSeen">Tags listed.</param>
/// <param name="ManifestsNew">Manifests stored for the first time.</param>
/// <param name="ManifestsKnown">Manifests found already stored.</param>
/// <param name="BlobsNew">Blobs stored for the first time.</param>
/// <param name="BytesNew">Descriptor bytes of those blobs.</param>
/// <param name="Requests">HTTP requests the run sent to the registry.</param>
/// <param name="RepositoriesUnchanged">Repositories skipped because the change feed reported nothing new.</param>
public sealed record ScanRunCounts(
    int RepositoriesTotal,
    int RepositoriesScanned,
    int RepositoriesFailed,
    int TagsSeen,
    int ManifestsNew,
    int ManifestsKnown,
    int BlobsNew,
    long BytesNew,
    int Requests,
    int RepositoriesUnchanged = 0);
