namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>An installed package and the bytes of the final filesystem it owns.</summary>
/// <param name="Ecosystem"><c>dpkg</c>, <c>apk</c>, <c>python</c> or <c>npm</c>.</param>
/// <param name="Name">Package name as its database spells it.</param>
/// <param name="Version">Version, empty when the database does not say.</param>
/// <param name="Bytes">Visible regular-file bytes the package owns.</param>
/// <param name="FileCount">Visible regular files the package owns.</param>
/// <param name="IsDevelopment">A <c>-dev</c>/<c>-devel</c> package or a compiler meta-package.</param>
public sealed record PackageUsage(
    string Ecosystem, string Name, string Version, long Bytes, int FileCount, bool IsDevelopment)
{
    /// <summary>
    /// Installed packages that are there only for this one (<see cref="DependencyClosure"/>), by name; empty when
    /// none or when the database records no dependencies (everything but dpkg).
    /// </summary>
    public IReadOnlyList<string> ExclusiveDependencies { get; init; } = [];

    /// <summary>Visible regular-file bytes of <see cref="ExclusiveDependencies"/>, each file once.</summary>
    public long DependencyBytes { get; init; }

    /// <summary>Visible regular files of <see cref="ExclusiveDependencies"/>.</summary>
    public int DependencyFileCount { get; init; }

    /// <summary>What removing the package and its exclusive dependencies frees: the "X and its deps".</summary>
    public long BytesWithDependencies => Bytes + DependencyBytes;
}
