namespace RegistryJanitor.Core.Sharing;

/// <summary>Images built on the same base: one row instead of every pair of images.</summary>
/// <param name="Name">The base name annotation most members carry, else <c>layers from</c> the first layer.</param>
/// <param name="Key">What grouped the members: the base digest annotation, or the first layer digest.</param>
/// <param name="Members">Distinct image manifest digests in the family.</param>
/// <param name="Repositories">Distinct repositories holding a member.</param>
/// <param name="SharedLayers">Length of the layer prefix every member has.</param>
/// <param name="SharedBytes">Bytes of that common prefix.</param>
/// <param name="BytesSavedBySharing">Prefix bytes × (members − 1): what storing the prefix once saves.</param>
public sealed record BaseImageFamily(
    string Name,
    string Key,
    int Members,
    int Repositories,
    int SharedLayers,
    long SharedBytes,
    long BytesSavedBySharing);
