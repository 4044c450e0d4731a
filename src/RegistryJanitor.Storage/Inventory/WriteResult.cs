namespace RegistryJanitor.Storage.Inventory;

/// <summary>What writing one repository snapshot changed.</summary>
/// <param name="ManifestsInserted">Manifests stored for the first time.</param>
/// <param name="BlobsInserted">Blobs stored for the first time.</param>
/// <param name="BytesInserted">Descriptor bytes of those blobs.</param>
/// <param name="TagChanges">Rows added to tag_history.</param>
public sealed record WriteResult(int ManifestsInserted, int BlobsInserted, long BytesInserted, int TagChanges);
