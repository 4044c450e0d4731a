using System.Text.Json.Serialization;

namespace RegistryJanitor.Events;

/// <summary>Source-generated JSON metadata for the event batches.</summary>
[JsonSourceGenerationOptions(
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    MaxDepth = 16)]
[JsonSerializable(typeof(RegistryEventEnvelope))]
internal sealed partial class RegistryEventsJsonContext : JsonSerializerContext;
