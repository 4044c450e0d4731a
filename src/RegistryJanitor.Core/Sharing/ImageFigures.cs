namespace RegistryJanitor.Core.Sharing;

/// <summary>The sharing figures of one present manifest.</summary>
/// <param name="Key">Repository and digest.</param>
/// <param name="ImageBytes">Config plus layer sizes; for an index the union of its children's blobs once.</param>
/// <param name="ExclusiveBytes">Blobs no other present manifest references (what deleting it frees).</param>
/// <param name="AmortizedBytes">Each blob's size split evenly over the manifests referencing it.</param>
/// <param name="ColdPullBytes">All layer bytes of the image.</param>
public sealed record ImageFigures(
    ManifestKey Key,
    long ImageBytes,
    long ExclusiveBytes,
    decimal AmortizedBytes,
    long ColdPullBytes);
