using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Ecr;

/// <summary>One image from <c>DescribeImages</c>.</summary>
/// <param name="Repository">The repository name.</param>
/// <param name="Digest">The manifest digest.</param>
/// <param name="Tags">Tags; empty for untagged images (index children and referrers are untagged too).</param>
/// <param name="SizeBytes">
/// <c>imageSizeInBytes</c>: compressed layer bytes; for a manifest list ECR reports its largest child.
/// </param>
/// <param name="PushedAt"><c>imagePushedAt</c>.</param>
/// <param name="LastPulledAt"><c>lastRecordedPullTime</c>: updated at most daily, absent when never pulled.</param>
/// <param name="ManifestMediaType"><c>imageManifestMediaType</c>.</param>
/// <param name="ArtifactMediaType"><c>artifactMediaType</c> (the config media type).</param>
/// <param name="SubjectDigest">
/// <c>subjectManifestDigest</c>: set for referrers (signatures, SBOMs, attestations).
/// </param>
/// <param name="ImageStatus"><c>imageStatus</c> when the service reports it (ACTIVE, ARCHIVED, ACTIVATING).</param>
public sealed record EcrImageDetail(
    string Repository,
    Digest Digest,
    IReadOnlyList<string> Tags,
    long? SizeBytes,
    DateTimeOffset? PushedAt,
    DateTimeOffset? LastPulledAt,
    string? ManifestMediaType,
    string? ArtifactMediaType,
    Digest? SubjectDigest,
    string? ImageStatus);
