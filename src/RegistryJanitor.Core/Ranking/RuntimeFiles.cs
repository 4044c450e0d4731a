namespace RegistryJanitor.Core.Ranking;

/// <summary>
/// What the final filesystem of an analysed image holds that tells its runtime apart: shells, package
/// managers, language runtimes and static executables. Built from the stored layer indexes; paths only.
/// </summary>
/// <param name="Shells">Visible shell binaries (bash, dash, busybox, ash, zsh), at most a few.</param>
/// <param name="PackageManagers">Visible package-manager binaries (apt, apk, dnf, yum, microdnf).</param>
/// <param name="NodeModulesBytes">Visible bytes under a <c>node_modules</c> folder.</param>
/// <param name="NodeRuntime">True when a <c>node</c> executable is visible.</param>
/// <param name="JvmBytes">Visible bytes of <c>.jar</c>/<c>.war</c> files and JVM installations.</param>
/// <param name="DotNetBytes">Visible bytes of .NET runtimes and assemblies with their <c>.deps.json</c>.</param>
/// <param name="GoToolchain">True when a Go toolchain (<c>go/bin/go</c>, <c>pkg/tool</c>) is visible.</param>
/// <param name="StaticExecutables">
/// Executable files outside the system folders of an image that has no dynamic loader: statically linked
/// programs, which in container images are mostly Go builds.
/// </param>
/// <param name="HasDynamicLoader">True when a glibc or musl dynamic loader is visible.</param>
public sealed record RuntimeFiles(
    IReadOnlyList<string> Shells,
    IReadOnlyList<string> PackageManagers,
    long NodeModulesBytes,
    bool NodeRuntime,
    long JvmBytes,
    long DotNetBytes,
    bool GoToolchain,
    IReadOnlyList<string> StaticExecutables,
    bool HasDynamicLoader)
{
    /// <summary>Nothing recognisable: an empty or data-only filesystem.</summary>
    public static RuntimeFiles Empty { get; } = new([], [], 0, false, 0, 0, false, [], false);
}
