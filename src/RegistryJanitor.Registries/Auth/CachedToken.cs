namespace RegistryJanitor.Registries.Auth;

/// <summary>A bearer token and the moment it should be renewed (a little before it expires).</summary>
internal sealed record CachedToken(string Token, DateTimeOffset RenewAt);
