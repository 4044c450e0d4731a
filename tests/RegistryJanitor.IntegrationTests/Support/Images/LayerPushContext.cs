namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>Where and how a layer is pushed.</summary>
/// <param name="Blobs">Uploads blobs, skipping those already there.</param>
/// <param name="Repository">Target repository.</param>
/// <param name="Compression">Compression of the blob.</param>
/// <param name="Format">Media type family of the manifest the layer goes into.</param>
public sealed record LayerPushContext(
    BlobUploader Blobs,
    string Repository,
    LayerCompression Compression,
    ImageFormat Format);
