using System.Text.Json.Serialization;

namespace RegistryJanitor.Storage.Inventory;

/// <summary>The JSON shape of one element of <c>manifests.history</c>.</summary>
internal sealed record HistoryRow(
    [property: JsonPropertyName("created")] DateTimeOffset? Created,
    [property: JsonPropertyName("created_by")] string? CreatedBy,
    [property: JsonPropertyName("comment")] string? Comment,
    [property: JsonPropertyName("empty_layer")] bool EmptyLayer);
