namespace RegistryJanitor.Demo;

/// <summary>A manifest the seeder pushed: its digest, size and media type, for index entries and referrers.</summary>
internal sealed record PushedManifest(string Digest, long Size, string MediaType);
