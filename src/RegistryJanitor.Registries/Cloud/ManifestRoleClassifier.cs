using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>Decides the <see cref="CloudManifestRole"/> of each manifest of one repository.</summary>
internal static class ManifestRoleClassifier
{
    /// <summary>The role of one manifest.</summary>
    /// <param name="tagCount">How many tags point at it.</param>
    /// <param name="digest">Its digest.</param>
    /// <param name="childrenOfIndexes">Every digest some index of the repository lists as a child.</param>
    /// <param name="subject">Its subject, when the provider reports one.</param>
    /// <param name="configOrArtifactType">Its config or artifact media type, when reported.</param>
    public static CloudManifestRole Classify(
        int tagCount,
        Digest digest,
        IReadOnlySet<Digest> childrenOfIndexes,
        Digest? subject,
        string? configOrArtifactType)
    {
        if (tagCount > 0)
        {
            return CloudManifestRole.Tagged;
        }

        if (childrenOfIndexes.Contains(digest))
        {
            return CloudManifestRole.IndexChild;
        }

        return subject is not null || IsReferrerArtifactType(configOrArtifactType)
            ? CloudManifestRole.Referrer
            : CloudManifestRole.Untagged;
    }

    /// <summary>
    /// Signature, SBOM and attestation types; without a reported subject these are the only sign of a referrer.
    /// </summary>
    public static bool IsReferrerArtifactType(string? type) =>
        type is MediaTypes.NotarySignature or MediaTypes.CosignSimpleSigning or MediaTypes.SigstoreBundle
            or MediaTypes.InToto or MediaTypes.DockerAttestationManifest
        || (type?.StartsWith("application/vnd.dev.sigstore", StringComparison.Ordinal) ?? false)
        || (type?.Contains("spdx", StringComparison.OrdinalIgnoreCase) ?? false)
        || (type?.Contains("cyclonedx", StringComparison.OrdinalIgnoreCase) ?? false);
}
