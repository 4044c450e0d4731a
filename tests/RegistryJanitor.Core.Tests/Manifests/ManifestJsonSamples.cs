namespace RegistryJanitor.Core.Tests.Manifests;

/// <summary>Small manifest bodies written the way registries serve them.</summary>
internal static class ManifestJsonSamples
{
    public const string D1 = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string D2 = "sha256:2222222222222222222222222222222222222222222222222222222222222222";
    public const string D3 = "sha256:3333333333333333333333333333333333333333333333333333333333333333";

    public static string Image(
        string configType, string layerType = "application/vnd.oci.image.layer.v1.tar+gzip",
        string? artifactType = null, string mediaType = "application/vnd.oci.image.manifest.v1+json") =>
        "{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\","
        + (artifactType is null ? string.Empty : "\"artifactType\":\"" + artifactType + "\",")
        + "\"config\":{\"mediaType\":\"" + configType + "\",\"digest\":\"" + D1 + "\",\"size\":7},"
        + "\"layers\":[{\"mediaType\":\"" + layerType + "\",\"digest\":\"" + D2 + "\",\"size\":42}]}";

    public static string Index(params string[] entries) =>
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":["
        + string.Join(',', entries) + "]}";

    public static string Entry(string mediaType, string digest, string? platform = null, string? annotations = null,
        string? artifactType = null) =>
        "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + digest + "\",\"size\":100"
        + (platform is null ? string.Empty : ",\"platform\":" + platform)
        + (annotations is null ? string.Empty : ",\"annotations\":" + annotations)
        + (artifactType is null ? string.Empty : ",\"artifactType\":\"" + artifactType + "\"") + "}";
}
