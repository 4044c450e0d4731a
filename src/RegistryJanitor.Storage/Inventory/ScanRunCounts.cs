namespace RegistryJanitor.Storage.Inventory;

/// <summary>The counts of a scan run, as stored in <c>scan_runs</c>.</summary>
public sealed record ScanRunCounts(
    int RepositoriesTotal,
    int RepositoriesScanned,
    int RepositoriesFailed,
    int TagsSeen,
    int ManifestsNew,
    int ManifestsKnown,
    int BlobsNew,
    long BytesNew,
    int Requests);
