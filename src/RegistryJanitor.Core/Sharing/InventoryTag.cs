namespace RegistryJanitor.Core.Sharing;

/// <summary>A tag pointing at a manifest, with when it was pushed (or first seen).</summary>
public sealed record InventoryTag(string Name, DateTimeOffset PushedAt);
