namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>A blob as its descriptor states it.</summary>
public sealed record PushedBlob(string Digest, long Size, string MediaType);
