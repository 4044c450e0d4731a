namespace RegistryJanitor.Core.Manifests;

/// <summary>The names of <see cref="ManifestKind"/> values as stored in <c>manifests.kind</c>.</summary>
public static class ManifestKindNames
{
    public static string ToDatabase(ManifestKind kind) => kind switch
    {
        ManifestKind.Image => "image",
        ManifestKind.Index => "index",
        ManifestKind.Attestation => "attestation",
        ManifestKind.Signature => "signature",
        ManifestKind.Sbom => "sbom",
        ManifestKind.BuildCache => "build_cache",
        ManifestKind.HelmChart => "helm_chart",
        ManifestKind.Artifact => "artifact",
        ManifestKind.Unsupported => "unsupported",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown manifest kind."),
    };
}
