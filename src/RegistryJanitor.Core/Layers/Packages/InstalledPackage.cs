namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>A package as a database records it: either a list of owned files or an owned folder.</summary>
/// <param name="Ecosystem"><c>dpkg</c>, <c>apk</c>, <c>python</c> or <c>npm</c>.</param>
/// <param name="Name">Package name.</param>
/// <param name="Version">Version, empty when unknown.</param>
/// <param name="Files">Normalised paths the package owns (file-list databases).</param>
/// <param name="Directory">The folder the package owns entirely, minus nested <c>node_modules</c> (npm).</param>
public sealed record InstalledPackage(
    string Ecosystem, string Name, string Version, IReadOnlyList<string> Files, string? Directory)
{
    /// <summary>
    /// What the package needs installed, one list of alternative names per relation (dpkg <c>Pre-Depends</c> and
    /// <c>Depends</c>); empty where the database does not say.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Dependencies { get; init; } = [];

    /// <summary>Virtual package names the package provides (dpkg <c>Provides</c>).</summary>
    public IReadOnlyList<string> Provides { get; init; } = [];

    /// <summary>Part of the base system (dpkg <c>Essential: yes</c> or <c>Priority: required</c>).</summary>
    public bool IsBaseSystem { get; init; }
}
