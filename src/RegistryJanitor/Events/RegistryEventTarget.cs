using System.Text.Json.Serialization;

namespace RegistryJanitor.Events;

/// <summary>The <c>target</c> of a registry event: what was pulled or pushed.</summary>
public sealed class RegistryEventTarget
{
    [JsonPropertyName("mediaType")]
    public string? MediaType { get; set; }

    [JsonPropertyName("digest")]
    public string? Digest { get; set; }

    [JsonPropertyName("repository")]
    public string? Repository { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("tag")]
    public string? Tag { get; set; }
}
