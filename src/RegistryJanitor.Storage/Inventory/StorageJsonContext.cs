using System.Text.Json.Serialization;

namespace RegistryJanitor.Storage.Inventory;

/// <summary>Source-generated JSON metadata for the jsonb columns the inventory writes.</summary>
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(List<HistoryRow>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
