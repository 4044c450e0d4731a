namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>A manifest exactly as the registry returned it.</summary>
/// <param name="Body">The response bytes.</param>
/// <param name="ContentType">Content-Type without parameters.</param>
/// <param name="DockerContentDigest">The Docker-Content-Digest header, if sent.</param>
public sealed record RawManifest(byte[] Body, string? ContentType, string? DockerContentDigest);
