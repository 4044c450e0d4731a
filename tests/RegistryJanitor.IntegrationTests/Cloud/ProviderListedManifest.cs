namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// A pushed manifest as a provider's metadata API lists it (ACR <c>_manifests</c>, ECR DescribeImages).
/// </summary>
/// <param name="Repository">Repository it was pushed to.</param>
/// <param name="Digest">Manifest digest.</param>
/// <param name="MediaType">Manifest media type.</param>
/// <param name="ConfigMediaType">Config media type, or null for an index.</param>
/// <param name="ArtifactType">The manifest's artifactType, if any.</param>
/// <param name="Size">Image bytes the provider reports.</param>
/// <param name="Tags">Tags, empty for index children and referrers.</param>
/// <param name="PushedAt">Push time the provider reports.</param>
/// <param name="Children">Digests of an index's children, else empty.</param>
/// <param name="Subject">Digest of the manifest a referrer refers to, else null.</param>
/// <param name="Body">Exact manifest bytes (ECR hands index bodies out through BatchGetImage).</param>
public sealed record ProviderListedManifest(
    string Repository,
    string Digest,
    string MediaType,
    string? ConfigMediaType,
    string? ArtifactType,
    long Size,
    string[] Tags,
    DateTimeOffset PushedAt,
    IReadOnlyList<string> Children,
    string? Subject,
    ReadOnlyMemory<byte> Body);
