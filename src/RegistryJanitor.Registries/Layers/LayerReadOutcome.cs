using RegistryJanitor.Core.Layers;

namespace RegistryJanitor.Registries.Layers;

/// <summary>
/// What reading one layer blob gave: its index, a rejection of the blob itself, or a failure to get the blob
/// at all (network, registry); exactly one of the three is set.
/// </summary>
/// <param name="Index">The layer's index when the blob was read and verified.</param>
/// <param name="Rejection">Why the blob was refused: broken, hostile or not the one asked for.</param>
/// <param name="Failure">Why the blob could not be downloaded; a later attempt may succeed.</param>
/// <param name="BytesRead">Compressed bytes taken from the source, whatever the outcome.</param>
public sealed record LayerReadOutcome(
    LayerIndex? Index,
    LayerRejectedException? Rejection,
    Exception? Failure,
    long BytesRead);
