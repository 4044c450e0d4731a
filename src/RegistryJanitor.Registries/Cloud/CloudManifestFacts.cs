using RegistryJanitor.Core.Model;
using RegistryJanitor.Core.Providers;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>
/// A manifest as a cloud registry's metadata API describes it, with the relations the scanner needs to tell
/// index children and referrers from dangling untagged manifests.
/// </summary>
/// <param name="Manifest">The provider facts in the scanner's shape.</param>
/// <param name="Role">Why it is present.</param>
/// <param name="Children">Children when it is an index (ACR <c>references</c>; ECR from the index manifest).</param>
/// <param name="Subject">The manifest it refers to, when known (ECR <c>subjectManifestDigest</c>).</param>
/// <param name="ArtifactType">Config or artifact media type when reported.</param>
/// <param name="Architecture">Platform architecture when reported.</param>
/// <param name="Os">Platform OS when reported.</param>
public sealed record CloudManifestFacts(
    ProviderManifest Manifest,
    CloudManifestRole Role,
    IReadOnlyList<Digest> Children,
    Digest? Subject,
    string? ArtifactType,
    string? Architecture,
    string? Os);
