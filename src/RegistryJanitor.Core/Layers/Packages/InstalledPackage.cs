namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>A package as a database records it: either a list of owned files or an owned folder.</summary>
/// <param name="Ecosystem"><c>dpkg</c>, <c>apk</c>, <c>python</c> or <c>npm</c>.</param>
/// <param name="Name">Package name.</param>
/// <param name="Version">Version, empty when unknown.</param>
/// <param name="Files">Normalised paths the package owns (file-list databases).</param>
/// <param name="Directory">The folder the package owns entirely, minus nested <c>node_modules</c> (npm).</param>
public sealed record InstalledPackage(
    string Ecosystem, string Name, string Version, IReadOnlyList<string> Files, string? Directory);
