using System.Text.Json.Serialization;

namespace RegistryJanitor.Registries.Oci;

/// <summary>One entry of an OCI error body.</summary>
internal sealed class RegistryError
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
