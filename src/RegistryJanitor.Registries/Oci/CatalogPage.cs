using System.Text.Json.Serialization;

namespace RegistryJanitor.Registries.Oci;

/// <summary>A <c>/v2/_catalog</c> response page.</summary>
internal sealed class CatalogPage
{
    [JsonPropertyName("repositories")]
    public List<string>? Repositories { get; set; }
}
