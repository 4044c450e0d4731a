namespace RegistryJanitor.Core.Ranking;

/// <summary>The pitfalls of the product brief, made measurable.</summary>
public enum FindingKind
{
    BuildContextBeforeDependencies,
    NoDockerignore,
    UnpinnedBase,
    PackageManagerLeftovers,
    SquashedImage,
    RunsAsRoot,
    NoSbomOrSignature,
    ToolchainInRuntime,
    ShellAndPackageManager,
    NoHealthcheck,
    HiddenBytes,
    SecretLikeFiles,
}
