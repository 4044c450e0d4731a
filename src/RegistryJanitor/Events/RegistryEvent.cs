using System.Text.Json.Serialization;

namespace RegistryJanitor.Events;

/// <summary>One event of a <c>application/vnd.docker.distribution.events.v1+json</c> batch.</summary>
public sealed class RegistryEvent
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("action")]
    public string? Action { get; set; }

    [JsonPropertyName("target")]
    public RegistryEventTarget? Target { get; set; }

    [JsonPropertyName("request")]
    public RegistryEventRequest? Request { get; set; }
}
