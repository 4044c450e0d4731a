namespace RegistryJanitor.IntegrationTests.Demo;

/// <summary>A manifest of a seeded demo repository as the scan stored it.</summary>
internal sealed record StoredDemoManifest(
    string Repository, string Digest, string Kind, string? ConfigUser, string? Subject, bool Untagged);
