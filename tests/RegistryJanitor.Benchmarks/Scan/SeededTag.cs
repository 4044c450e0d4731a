namespace RegistryJanitor.Benchmarks.Scan;

/// <summary>One pushed tag: its manifest URL path, the URL path of its config blob and the manifest digest.</summary>
internal sealed record SeededTag(string ManifestPath, string ConfigPath, string Digest);
