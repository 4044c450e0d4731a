using System.Text.Json.Serialization;
using RegistryJanitor.Registries.Oci;

namespace RegistryJanitor.Registries.Auth;

/// <summary>Source-generated JSON metadata for the registry wire types.</summary>
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(CatalogPage))]
[JsonSerializable(typeof(TagsPage))]
[JsonSerializable(typeof(RegistryErrorBody))]
internal sealed partial class RegistryJsonContext : JsonSerializerContext;
