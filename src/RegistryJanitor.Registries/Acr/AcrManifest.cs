using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Registries.Acr;

/// <summary>One manifest from <c>/acr/v1/{name}/_manifests</c> (ManifestAttributesBase).</summary>
/// <param name="Repository">The repository name.</param>
/// <param name="Digest">The manifest digest.</param>
/// <param name="ImageSize"><c>imageSize</c> as ACR computes it.</param>
/// <param name="CreatedTime"><c>createdTime</c>.</param>
/// <param name="LastUpdateTime"><c>lastUpdateTime</c>.</param>
/// <param name="Architecture"><c>architecture</c> (absent for indexes).</param>
/// <param name="Os"><c>os</c>.</param>
/// <param name="MediaType"><c>mediaType</c>.</param>
/// <param name="ConfigMediaType"><c>configMediaType</c> (tells artifacts such as signatures apart).</param>
/// <param name="Tags"><c>tags</c>; empty for untagged manifests.</param>
/// <param name="References"><c>references</c>: the children of an index.</param>
/// <param name="DeleteEnabled"><c>changeableAttributes.deleteEnabled</c>.</param>
/// <param name="WriteEnabled"><c>changeableAttributes.writeEnabled</c>.</param>
public sealed record AcrManifest(
    string Repository,
    Digest Digest,
    long? ImageSize,
    DateTimeOffset? CreatedTime,
    DateTimeOffset? LastUpdateTime,
    string? Architecture,
    string? Os,
    string? MediaType,
    string? ConfigMediaType,
    IReadOnlyList<string> Tags,
    IReadOnlyList<AcrManifestReference> References,
    bool? DeleteEnabled,
    bool? WriteEnabled)
{
    /// <summary>True when ACR forbids deleting or overwriting the manifest.</summary>
    public bool Locked => DeleteEnabled == false || WriteEnabled == false;
}
