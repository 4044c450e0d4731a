using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Events;

/// <summary>What a batch of registry events held: the manifest pulls to count and what was left out.</summary>
/// <param name="Pulls">Manifest pulls (GET or HEAD) by clients other than this service.</param>
/// <param name="OwnRequests">Manifest pulls made by this service's own scanner, not counted.</param>
/// <param name="Ignored">Other events: pushes, deletes, blob pulls, malformed events.</param>
public sealed record PullEventBatch(IReadOnlyList<PullEvent> Pulls, int OwnRequests, int Ignored);
