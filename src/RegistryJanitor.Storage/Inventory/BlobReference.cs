namespace RegistryJanitor.Storage.Inventory;

/// <summary>A blob a manifest references, in its role and position.</summary>
/// <param name="Role"><c>config</c> or <c>layer</c>.</param>
/// <param name="Position">0 for the config; the layer index for layers.</param>
/// <param name="Digest">The blob digest.</param>
/// <param name="SizeBytes">The descriptor size.</param>
/// <param name="MediaType">The descriptor media type.</param>
public sealed record BlobReference(string Role, int Position, string Digest, long SizeBytes, string MediaType);
