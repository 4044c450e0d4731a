using System.Text.Json.Serialization;

namespace RegistryJanitor.Events;

/// <summary>The body the registry posts: <c>{"events": [...]}</c>.</summary>
public sealed class RegistryEventEnvelope
{
    [JsonPropertyName("events")]
    public IList<RegistryEvent> Events { get; } = [];
}
