using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Ranking;

namespace RegistryJanitor.Storage.Ranking;

/// <summary>The stored analysis of one image manifest and the runtime files of its merged filesystem.</summary>
public sealed record LoadedAnalysis(ImageAnalysis Analysis, RuntimeFiles Files);
