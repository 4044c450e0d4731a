using System.Text;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// Artifacts in cosign's tag scheme: for a subject <c>sha256:&lt;hex&gt;</c> the tags
/// <c>sha256-&lt;hex&gt;.sig</c>, <c>.sbom</c> and <c>.att</c>, each an OCI image manifest in the subject's
/// repository. Signatures are well-formed but not cryptographically valid: nothing in the product verifies
/// them, it only detects their presence.
/// </summary>
public sealed class CosignArtifacts
{
    public const string SignatureAnnotation = "dev.cosignproject.cosign/signature";
    public const string SbomScopeAnnotation = "dev.sigstore.sbom.scope";

    private readonly TestImageBuilder owner;

    internal CosignArtifacts(TestImageBuilder owner)
    {
        this.owner = owner;
    }

    /// <summary>The cosign tag for a subject digest and suffix (<c>sig</c>, <c>sbom</c>, <c>att</c>).</summary>
    public static string TagFor(string subjectDigest, string suffix)
    {
        return ContentDigest.FallbackTag(subjectDigest) + "." + suffix;
    }

    /// <summary>Pushes <c>sha256-&lt;hex&gt;.sig</c>: a simplesigning payload with a signature annotation.</summary>
    public Task<PushedImage> SignAsync(IPushedManifest subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var payload = Encoding.UTF8.GetBytes(
            "{\"critical\":{\"identity\":{\"docker-reference\":\"" + subject.Repository + "\"},"
            + "\"image\":{\"docker-manifest-digest\":\"" + subject.Digest + "\"},"
            + "\"type\":\"cosign container image signature\"},\"optional\":null}");
        var signature = Convert.ToBase64String(ContentDigest.Of(payload).Select(c => (byte)c).ToArray());
        var layer = new BlobLayer(
            payload,
            MediaTypes.CosignSimpleSigning,
            Annotations: new Dictionary<string, string> { [SignatureAnnotation] = signature });
        return PushAsync(subject, "sig", layer, cancellationToken);
    }

    /// <summary>Pushes <c>sha256-&lt;hex&gt;.sbom</c>: an SPDX JSON document layer.</summary>
    public Task<PushedImage> AttachSbomAsync(IPushedManifest subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var document = Encoding.UTF8.GetBytes(
            "{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"name\":\"" + subject.Repository
            + "@" + subject.Digest + "\",\"packages\":[]}");
        var layer = new BlobLayer(
            document,
            MediaTypes.SpdxJson,
            Annotations: new Dictionary<string, string> { [SbomScopeAnnotation] = "image" });
        return PushAsync(subject, "sbom", layer, cancellationToken);
    }

    /// <summary>Pushes <c>sha256-&lt;hex&gt;.att</c>: a DSSE envelope around an in-toto provenance statement.</summary>
    public Task<PushedImage> AttestAsync(IPushedManifest subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var statement = InTotoStatements.Statement(
            InTotoStatements.ProvenancePredicate, subject.Repository, subject.Digest);
        var envelope = Encoding.UTF8.GetBytes(
            "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"" + Convert.ToBase64String(statement)
            + "\",\"signatures\":[{\"keyid\":\"\",\"sig\":\"" + Convert.ToBase64String(statement[..16]) + "\"}]}");
        var layer = new BlobLayer(
            envelope,
            MediaTypes.DsseEnvelope,
            Annotations: new Dictionary<string, string>
            {
                [InTotoStatements.PredicateTypeAnnotation] = InTotoStatements.ProvenancePredicate,
            });
        return PushAsync(subject, "att", layer, cancellationToken);
    }

    private Task<PushedImage> PushAsync(
        IPushedManifest subject,
        string suffix,
        BlobLayer layer,
        CancellationToken cancellationToken)
    {
        // cosign writes a minimal OCI image config whose diff_ids are the payload digests.
        var config = Encoding.UTF8.GetBytes(
            "{\"architecture\":\"\",\"created\":\"0001-01-01T00:00:00Z\",\"history\":[{\"created\":"
            + "\"0001-01-01T00:00:00Z\"}],\"os\":\"\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
            + layer.Digest + "\"]},\"config\":{}}");
        return owner.Image(subject.Repository)
            .MediaTypes(ImageFormat.Oci)
            .Platform(new ImagePlatform(string.Empty, string.Empty))
            .RawConfig(MediaTypes.OciConfig, config)
            .Layer(layer)
            .PushAsync(TagFor(subject.Digest, suffix), cancellationToken);
    }
}
