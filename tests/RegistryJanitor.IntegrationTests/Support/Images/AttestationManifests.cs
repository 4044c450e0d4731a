using System.Text;

namespace RegistryJanitor.IntegrationTests.Support.Images;

/// <summary>
/// BuildKit-style attestation manifests: an SPDX SBOM and a SLSA provenance statement about one platform
/// image, in one of the three forms BuildKit has used, and the index descriptor that attaches them.
/// </summary>
public static class AttestationManifests
{
    public const string ReferenceTypeAnnotation = "vnd.docker.reference.type";
    public const string ReferenceDigestAnnotation = "vnd.docker.reference.digest";
    public const string AttestationManifestType = "attestation-manifest";

    /// <summary>Pushes (by digest) the attestation manifest for <paramref name="image"/>.</summary>
    public static Task<PushedImage> PushAsync(
        TestImageBuilder owner,
        PushedImage image,
        AttestationStyle style,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(image);
        var name = $"pkg:docker/{image.Repository}?platform={Uri.EscapeDataString(image.Platform.ToString())}";
        var sbom = InTotoStatements.Layer(InTotoStatements.SpdxPredicate, name, image.Digest);
        var provenance = InTotoStatements.Layer(InTotoStatements.ProvenancePredicate, name, image.Digest);
        var builder = owner.Image(image.Repository)
            .MediaTypes(ImageFormat.Oci)
            .Platform(ImagePlatform.Unknown)
            .Layer(sbom)
            .Layer(provenance);

        var config = Encoding.UTF8.GetBytes(
            "{\"architecture\":\"unknown\",\"os\":\"unknown\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
            + $"\"diff_ids\":[\"{sbom.Digest}\",\"{provenance.Digest}\"]}}}}");
        _ = style switch
        {
            AttestationStyle.ImageConfig => builder.RawConfig(MediaTypes.OciConfig, config),
            AttestationStyle.AttestationConfig => builder.RawConfig(MediaTypes.DockerAttestationConfig, config),
            _ => builder.EmptyConfig().ArtifactType(MediaTypes.DockerAttestationManifest).Subject(image),
        };

        return builder.PushByDigestAsync(cancellationToken);
    }

    /// <summary>The index entry of an attestation: platform unknown/unknown plus the reference annotations.</summary>
    public static Descriptor Describe(PushedImage attestation, string imageDigest)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        return attestation.Describe(
            ImagePlatform.Unknown,
            new Dictionary<string, string>
            {
                [ReferenceTypeAnnotation] = AttestationManifestType,
                [ReferenceDigestAnnotation] = imageDigest,
            });
    }
}
