using System.Collections.Concurrent;
using System.Text;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// OCI 1.1 referrers: manifests with <c>subject</c> and <c>artifactType</c>, pushed by digest. Distribution 2.8
/// has no referrers API, so clients use the tag fallback: an OCI index at tag <c>sha256-&lt;hex&gt;</c> of the
/// subject listing its referrers. <see cref="WriteFallbackIndexAsync"/> writes that index from every
/// referrer this builder pushed for the subject, as a client that pushes referrers would.
/// </summary>
public sealed class ReferrerArtifacts
{
    private readonly TestImageBuilder owner;
    private readonly ConcurrentDictionary<(string Repository, string Subject), ConcurrentQueue<Descriptor>> pushed =
        new();

    internal ReferrerArtifacts(TestImageBuilder owner)
    {
        this.owner = owner;
    }

    /// <summary>
    /// Pushes a referrer of <paramref name="subject"/> by digest: empty config, the given artifactType and
    /// one layer (a small generated document of <paramref name="layerMediaType"/> when no layer is given).
    /// </summary>
    public async Task<PushedImage> PushAsync(
        IPushedManifest subject,
        string artifactType,
        string layerMediaType = "application/json",
        IReadOnlyDictionary<string, string>? annotations = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var content = Encoding.UTF8.GetBytes(
            "{\"artifactType\":\"" + artifactType + "\",\"subject\":\"" + subject.Digest + "\"}");
        var builder = owner.Image(subject.Repository)
            .MediaTypes(ImageFormat.Oci)
            .Platform(ImagePlatform.Unknown)
            .EmptyConfig()
            .ArtifactType(artifactType)
            .Subject(subject)
            .Layer(new BlobLayer(content, layerMediaType));
        foreach (var (key, value) in annotations ?? new Dictionary<string, string>())
        {
            builder.Annotation(key, value);
        }

        var referrer = await builder.PushByDigestAsync(cancellationToken);
        Track(subject, referrer.Describe(annotations: annotations));
        return referrer;
    }

    /// <summary>Pushes a Sigstore bundle referrer (how newer cosign stores signatures).</summary>
    public Task<PushedImage> PushSigstoreBundleAsync(
        IPushedManifest subject,
        CancellationToken cancellationToken = default)
    {
        return PushAsync(subject, MediaTypes.SigstoreBundle, MediaTypes.SigstoreBundle, null, cancellationToken);
    }

    /// <summary>Records a referrer pushed some other way, so the fallback index lists it.</summary>
    public void Track(IPushedManifest subject, Descriptor referrer)
    {
        ArgumentNullException.ThrowIfNull(subject);
        pushed.GetOrAdd((subject.Repository, subject.Digest), _ => new ConcurrentQueue<Descriptor>())
            .Enqueue(referrer);
    }

    /// <summary>
    /// Writes (or overwrites) the fallback index at tag <c>sha256-&lt;hex&gt;</c> of the subject, listing every
    /// tracked referrer with its artifactType and annotations.
    /// </summary>
    public async Task<PushedIndex> WriteFallbackIndexAsync(
        IPushedManifest subject,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var referrers = pushed.TryGetValue((subject.Repository, subject.Digest), out var queue)
            ? queue.ToArray()
            : [];
        var index = owner.Index(subject.Repository).MediaTypes(ImageFormat.Oci);
        foreach (var referrer in referrers)
        {
            index.Entry(referrer);
        }

        return await index.PushAsync(ContentDigest.FallbackTag(subject.Digest), cancellationToken);
    }
}
