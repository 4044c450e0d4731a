using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Core.Providers;

/// <summary>Facts a provider's metadata API knows about one manifest, beyond the manifest itself.</summary>
/// <param name="Digest">The manifest digest.</param>
/// <param name="MediaType">The manifest media type when the provider reports it.</param>
/// <param name="Tags">Tags pointing at it; empty for untagged manifests.</param>
/// <param name="SizeBytes">The size the provider reports (its own definition, kept beside ours).</param>
/// <param name="PushedAt">When it was pushed, when known.</param>
/// <param name="LastPulledAt">When it was last pulled, when known.</param>
/// <param name="Locked">True when the provider forbids deleting or overwriting it.</param>
/// <param name="Source">Which API the facts came from, e.g. <c>acr:_manifests</c> or <c>ecr:DescribeImages</c>.</param>
public sealed record ProviderManifest(
    Digest Digest,
    string? MediaType,
    IReadOnlyList<string> Tags,
    long? SizeBytes,
    DateTimeOffset? PushedAt,
    DateTimeOffset? LastPulledAt,
    bool Locked,
    string Source);
