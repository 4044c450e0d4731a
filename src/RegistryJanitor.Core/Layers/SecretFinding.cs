namespace RegistryJanitor.Core.Layers;

/// <summary>A secret-like file: where it is and what kind, never what it holds.</summary>
/// <param name="Path">The file's path.</param>
/// <param name="Kind">What kind of credential it appears to be.</param>
/// <param name="Layer">Zero-based index of the layer holding it.</param>
/// <param name="Visible">False when a later layer deleted or replaced it: it still ships in the blob.</param>
public sealed record SecretFinding(string Path, SecretKind Kind, int Layer, bool Visible);
