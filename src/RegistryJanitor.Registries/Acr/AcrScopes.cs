using System.Text.RegularExpressions;

namespace RegistryJanitor.Registries.Acr;

/// <summary>The token scope an ACR request needs, inferred from its path so tokens can be sent up front.</summary>
internal static partial class AcrScopes
{
    public const string Catalog = "registry:catalog:*";

    /// <summary>The scope for <paramref name="path"/>, or null when none is needed (e.g. <c>/v2/</c>).</summary>
    public static string? ForPath(string path)
    {
        if (path is "/v2/_catalog" or "/acr/v1/_catalog")
        {
            return Catalog;
        }

        var data = DataPlane().Match(path);
        if (data.Success)
        {
            return $"repository:{data.Groups["name"].Value}:pull";
        }

        var metadata = Metadata().Match(path);
        return metadata.Success ? $"repository:{metadata.Groups["name"].Value}:metadata_read" : null;
    }

    [GeneratedRegex("^/v2/(?<name>.+?)/(manifests|blobs|tags|referrers)/")]
    private static partial Regex DataPlane();

    [GeneratedRegex("^/acr/v1/(?<name>.+?)(/(_tags|_manifests)(/.*)?)?$")]
    private static partial Regex Metadata();
}
