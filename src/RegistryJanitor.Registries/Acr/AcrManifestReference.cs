using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Acr;

/// <summary>A child of an index as ACR lists it under <c>references</c>.</summary>
public sealed record AcrManifestReference(Digest Digest, string? Architecture, string? Os);
