using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>One referrer from <c>ListImageReferrers</c>.</summary>
/// <param name="Digest">The referrer manifest digest.</param>
/// <param name="MediaType">Its manifest media type.</param>
/// <param name="ArtifactType">Its artifact type (e.g. a signature or SBOM type).</param>
/// <param name="SizeBytes">The referrer manifest size.</param>
/// <param name="Status"><c>artifactStatus</c> when reported.</param>
public sealed record EcrReferrer(
    Digest Digest,
    string? MediaType,
    string? ArtifactType,
    long? SizeBytes,
    string? Status);
