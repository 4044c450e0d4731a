namespace RegistryJanitor.Core.Layers;

/// <summary>Kinds of files that a runtime image normally does not need.</summary>
public enum DeadWeightCategory
{
    None = 0,
    AptLists,
    AptArchives,
    ApkCache,
    YumDnfCache,
    PipCache,
    NpmCache,
    YarnCache,
    PnpmStore,
    GoBuildCache,
    GoModuleCache,
    MavenRepository,
    GradleCache,
    VersionControl,
    LeakedBuildContext,
    Toolchain,
    Documentation,
    ManPages,
    Locales,
}
