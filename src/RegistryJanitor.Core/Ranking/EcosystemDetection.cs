namespace RegistryJanitor.Core.Ranking;

/// <summary>The detected runtime ecosystem with the reasons, plus Python figures the matrix needs.</summary>
/// <param name="Ecosystem">The ecosystem, <see cref="Ecosystem.Unknown"/> when nothing points anywhere.</param>
/// <param name="Reasons">What pointed at it (env names, labels, history steps, package databases).</param>
/// <param name="SitePackagesBytes">Visible bytes of Python distributions; null when layers were not analysed.</param>
/// <param name="MlLibraries">ML libraries found (torch, tensorflow, numpy, …), lower case.</param>
/// <param name="StaticGoBinary">True when history shows a Go build with cgo disabled.</param>
public sealed record EcosystemDetection(
    Ecosystem Ecosystem,
    IReadOnlyList<string> Reasons,
    long? SitePackagesBytes,
    IReadOnlyList<string> MlLibraries,
    bool StaticGoBinary);
