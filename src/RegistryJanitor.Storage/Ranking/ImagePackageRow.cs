namespace RegistryJanitor.Storage.Ranking;

/// <summary>One <c>image_packages</c> row as the ranking reads it, with the package's exclusive dependencies.</summary>
internal sealed class ImagePackageRow
{
    public long ManifestId { get; init; }

    public string Ecosystem { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string Version { get; init; } = string.Empty;

    public long Bytes { get; init; }

    public int FileCount { get; init; }

    public bool IsDevelopment { get; init; }

    public string[] ExclusiveDependencies { get; init; } = [];

    public long DependencyBytes { get; init; }

    public int DependencyFileCount { get; init; }
}
