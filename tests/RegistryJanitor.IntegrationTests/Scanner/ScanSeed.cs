using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>
/// Seeds a registry through the test image builder with a known mix of content under one prefix, and keeps
/// what every push returned so the tests can compute the expected rows.
/// </summary>
public sealed partial class ScanSeed
{
    /// <summary>A value that must never reach the database: it is an environment variable value.</summary>
    public const string SecretValue = "s3cr3t-value-never-stored";

    private readonly TestImageBuilder builder;

    public ScanSeed(TestImageBuilder builder, string prefix)
    {
        this.builder = builder;
        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>(repository, tag) → digest of every tag pushed.</summary>
    public Dictionary<(string Repository, string Tag), string> Tags { get; } = [];

    /// <summary>Every manifest pushed, by digest.</summary>
    public Dictionary<string, ExpectedManifest> Manifests { get; } = new(StringComparer.Ordinal);

    /// <summary>repository → digests present in it.</summary>
    public Dictionary<string, HashSet<string>> Present { get; } = [];

    public IEnumerable<string> Repositories => Present.Keys;

    public string Repository(int index) => $"{Prefix}/repo{index:D2}";

    public void AddTag(string repository, string tag, IPushedManifest manifest) =>
        Tags[(repository, tag)] = manifest.Digest;

    public void AddImage(PushedImage image, string kind, ExpectedConfig? config)
    {
        var blobs = image.Blobs.Select((b, i) => Blob(i == 0 ? "config" : "layer", i == 0 ? 0 : i - 1, b)).ToList();
        Add(image.Repository, new ExpectedManifest(image.Digest, image.MediaType, kind, image.Size, blobs, [], config));
    }

    public void AddIndex(PushedIndex index, string kind, IReadOnlyList<string> blobs)
    {
        var children = index.Manifests
            .Where(m => m.MediaType.Contains("manifest", StringComparison.Ordinal)
                || m.MediaType.Contains("index", StringComparison.Ordinal))
            .Select(m => $"{m.Digest} {m.Platform?.Os}/{m.Platform?.Architecture}/{m.Platform?.Variant} "
                + (m.Annotations?.ContainsKey(AttestationManifests.ReferenceTypeAnnotation) == true))
            .ToList();
        Add(index.Repository, new ExpectedManifest(index.Digest, index.MediaType, kind, index.Size, blobs, children,
            null));
    }

    public static string Blob(string role, int position, PushedBlob blob) =>
        $"{role} {position} {blob.Digest} {blob.Size} {blob.MediaType}";

    private void Add(string repository, ExpectedManifest manifest)
    {
        Manifests.TryAdd(manifest.Digest, manifest);
        if (!Present.TryGetValue(repository, out var digests))
        {
            digests = new HashSet<string>(StringComparer.Ordinal);
            Present[repository] = digests;
        }

        digests.Add(manifest.Digest);
    }
}
