namespace RegistryJanitor.Storage.Analysis;

/// <summary>An image a run left out: <c>budget</c> or <c>layer_rejected</c>.</summary>
public sealed record SkippedImage(long ManifestId, string Reason);
