using System.Text.Json.Serialization;

namespace RegistryJanitor.Events;

/// <summary>The <c>request</c> of a registry event: the HTTP request that caused it.</summary>
public sealed class RegistryEventRequest
{
    [JsonPropertyName("method")]
    public string? Method { get; set; }

    [JsonPropertyName("useragent")]
    public string? UserAgent { get; set; }
}
