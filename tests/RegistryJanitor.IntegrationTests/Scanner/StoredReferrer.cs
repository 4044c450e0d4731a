namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>A manifest present in a repository: what it was classified as, and the subject it refers to.</summary>
public sealed record StoredReferrer(
    string Digest, string Kind, string? ArtifactType, string? SubjectDigest, bool Untagged);
