using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Scanning;

/// <summary>The <c>repository_manifests.provider_role</c> values.</summary>
internal static class ProviderRoles
{
    public const string Tagged = "tagged";

    public const string IndexChild = "index_child";

    public const string Referrer = "referrer";

    public const string Untagged = "untagged";

    public static string From(CloudManifestRole role) => role switch
    {
        CloudManifestRole.Tagged => Tagged,
        CloudManifestRole.IndexChild => IndexChild,
        CloudManifestRole.Referrer => Referrer,
        _ => Untagged,
    };
}
