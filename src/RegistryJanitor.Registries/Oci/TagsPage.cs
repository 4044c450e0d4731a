using System.Text.Json.Serialization;

namespace RegistryJanitor.Registries.Oci;

/// <summary>A <c>/v2/NAME/tags/list</c> response page; <c>tags</c> may be null.</summary>
internal sealed class TagsPage
{
    [JsonPropertyName("tags")]
    public List<string>? Tags { get; set; }
}
