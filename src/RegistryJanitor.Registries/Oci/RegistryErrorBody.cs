using System.Text.Json.Serialization;

namespace RegistryJanitor.Registries.Oci;

/// <summary>The OCI error body <c>{"errors":[{"code":…,"message":…}]}</c>.</summary>
internal sealed class RegistryErrorBody
{
    [JsonPropertyName("errors")]
    public List<RegistryError>? Errors { get; set; }
}
