namespace RegistryJanitor.Core.Sharing;

/// <summary>A manifest present in a repository: the same digest in two repositories is two presences.</summary>
public readonly record struct ManifestKey(string Repository, string Digest)
{
    public override string ToString() => $"{Repository}@{Digest}";
}
