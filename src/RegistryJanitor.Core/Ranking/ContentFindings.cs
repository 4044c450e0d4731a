using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Layers.Packages;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Findings that need layer contents; each says "unknown" when the layers were not analysed.</summary>
internal static class ContentFindings
{
    internal static readonly DeadWeightCategory[] LeftoverCategories =
    [
        DeadWeightCategory.AptLists, DeadWeightCategory.AptArchives, DeadWeightCategory.ApkCache,
        DeadWeightCategory.YumDnfCache, DeadWeightCategory.PipCache, DeadWeightCategory.NpmCache,
        DeadWeightCategory.YarnCache, DeadWeightCategory.PnpmStore, DeadWeightCategory.GoBuildCache,
        DeadWeightCategory.GoModuleCache, DeadWeightCategory.MavenRepository, DeadWeightCategory.GradleCache,
    ];

    internal static readonly DeadWeightCategory[] LeakedContextCategories =
        [DeadWeightCategory.VersionControl, DeadWeightCategory.LeakedBuildContext];

    private static readonly string[] ShellPackages = ["bash", "dash", "busybox", "ash", "zsh"];

    private static readonly string[] PackageManagerPackages = ["apt", "apk-tools", "dnf", "yum", "microdnf"];

    private const string NotAnalysed = "unknown: layer contents were not analysed";

    public static Finding? Leftovers(ImageAnalysis? analysis) =>
        FromCategories(analysis, FindingKind.PackageManagerLeftovers, LeftoverCategories, Severity.Low,
            "package-manager caches ship in the image");

    public static Finding? LeakedContext(ImageAnalysis? analysis) =>
        FromCategories(analysis, FindingKind.NoDockerignore, LeakedContextCategories, Severity.Medium,
            "build-context files that a .dockerignore would exclude ship in the image");

    public static Finding? Toolchain(ImageAnalysis? analysis)
    {
        if (analysis is null)
        {
            return Finding.Unknown(FindingKind.ToolchainInRuntime, NotAnalysed);
        }

        // The files of development packages are already in the toolchain category, so when the category has bytes
        // the package rows name what owns them (with the dependencies installed only for it) and add no bytes:
        // the evidence then adds up to the toolchain bytes, as the Findings sheet sums it.
        var evidence = CategoryEvidence(analysis, [DeadWeightCategory.Toolchain]);
        var categoryHasBytes = evidence.Sum(item => item.Bytes) > 0;
        evidence.AddRange(analysis.Packages.Where(package => package.IsDevelopment).Select(package =>
            new FindingEvidence(PackageDetail(package), null, null, null, categoryHasBytes ? 0 : package.Bytes)));
        return evidence.Count == 0
            ? null
            : new Finding(FindingKind.ToolchainInRuntime, FindingStatus.Present, Severity.Medium,
                "compilers, headers or development packages ship in the runtime image", evidence);
    }

    public static Finding? ShellAndPackageManager(ImageEvidence image)
    {
        var analysis = image.Analysis;
        if (analysis is not null)
        {
            var files = image.Files ?? RuntimeFiles.Empty;
            var evidence = files.Shells.Select(path => new FindingEvidence("shell", null, null, path, 0))
                .Concat(files.PackageManagers.Select(path =>
                    new FindingEvidence("package manager", null, null, path, 0)))
                .ToList();
            evidence.AddRange(analysis.Packages
                .Where(package => ShellPackages.Contains(package.Name, StringComparer.Ordinal)
                    || PackageManagerPackages.Contains(package.Name, StringComparer.Ordinal))
                .Select(package => new FindingEvidence(
                    $"{package.Ecosystem} package {package.Name}", null, null, null, package.Bytes)));
            return evidence.Count == 0
                ? null
                : new Finding(FindingKind.ShellAndPackageManager, FindingStatus.Present, Severity.Medium,
                    "a shell and package manager ship in the runtime: a distroless candidate", evidence);
        }

        var history = image.Config?.History ?? [];
        var runStep = history.Select((entry, step) => (entry, step))
            .FirstOrDefault(pair => !pair.entry.EmptyLayer && HistoryFindings.IsRunStep(pair.entry));
        return runStep.entry is null
            ? Finding.Unknown(FindingKind.ShellAndPackageManager, NotAnalysed)
            : new Finding(FindingKind.ShellAndPackageManager, FindingStatus.Present, Severity.Medium,
                "build steps ran a shell inside this image, so a shell ships in the runtime",
                [new FindingEvidence("RUN step executed a shell", null, runStep.step, null, 0)]);
    }

    public static Finding? Hidden(ImageAnalysis? analysis, long threshold)
    {
        if (analysis is null)
        {
            return Finding.Unknown(FindingKind.HiddenBytes, NotAnalysed);
        }

        if (analysis.HiddenBytes < threshold || analysis.HiddenBytes == 0)
        {
            return null;
        }

        // The analysis keeps only the largest hidden copies as examples; the rest is one more piece of evidence, so
        // the evidence adds up to the finding's bytes (the Findings sheet sums it) and no copy is counted twice.
        List<FindingEvidence> evidence = [.. analysis.LargestHidden.Select(copy => new FindingEvidence(
            $"hidden by layer {copy.HiddenByLayer}", copy.Layer, null, copy.Path, copy.Size))];
        var otherBytes = analysis.HiddenBytes - analysis.LargestHidden.Sum(copy => copy.Size);
        var otherFiles = Math.Max(0, analysis.HiddenFileCount - analysis.LargestHidden.Count);
        if (otherBytes > 0)
        {
            evidence.Add(new FindingEvidence(
                $"{otherBytes} bytes in {otherFiles} other hidden files", null, null, null, otherBytes));
        }

        return new Finding(FindingKind.HiddenBytes, FindingStatus.Present, Severity.Low,
            $"{analysis.HiddenBytes} bytes in {analysis.HiddenFileCount} files are hidden by later layers", evidence);
    }

    public static Finding? Secrets(ImageAnalysis? analysis)
    {
        if (analysis is null)
        {
            return Finding.Unknown(FindingKind.SecretLikeFiles, NotAnalysed);
        }

        // Path and kind only: the content of a secret-like file is never read into a finding.
        return analysis.Secrets.Count == 0
            ? null
            : new Finding(FindingKind.SecretLikeFiles, FindingStatus.Present, Severity.High,
                $"{analysis.Secrets.Count} secret-like files ship in the image layers",
                [.. analysis.Secrets.Select(secret => new FindingEvidence(
                    secret.Visible ? secret.Kind.ToString() : $"{secret.Kind} (deleted later, still in the blob)",
                    secret.Layer, null, secret.Path, 0))]);
    }

    /// <summary>
    /// A package as evidence: its own bytes, and the installed packages that are there only for it, e.g.
    /// "dpkg package build-essential: 12 bytes, with 3 dependencies only it needs (gcc, g++, make): 212 bytes more".
    /// </summary>
    internal static string PackageDetail(PackageUsage package)
    {
        var detail = $"{package.Ecosystem} package {package.Name}: {package.Bytes} bytes";
        if (package.ExclusiveDependencies.Count == 0)
        {
            return detail;
        }

        const int NamesShown = 5;
        var names = string.Join(", ", package.ExclusiveDependencies.Take(NamesShown))
            + (package.ExclusiveDependencies.Count > NamesShown ? ", ..." : string.Empty);
        return $"{detail}, with {package.ExclusiveDependencies.Count} dependencies only it needs ({names}): "
            + $"{package.DependencyBytes} bytes more";
    }

    internal static List<FindingEvidence> CategoryEvidence(ImageAnalysis analysis, DeadWeightCategory[] categories) =>
        [.. analysis.Categories
            .Where(total => categories.Contains(total.Category) && total.Bytes > 0)
            .SelectMany(total => total.Examples.Count == 0
                ? [new FindingEvidence(total.Category.ToString(), null, null, null, total.Bytes)]
                : total.Examples.Select((path, index) => new FindingEvidence(
                    total.Category.ToString(), null, null, path, index == 0 ? total.Bytes : 0)))];

    private static Finding? FromCategories(
        ImageAnalysis? analysis, FindingKind kind, DeadWeightCategory[] categories, Severity severity, string summary)
    {
        if (analysis is null)
        {
            return Finding.Unknown(kind, NotAnalysed);
        }

        var evidence = CategoryEvidence(analysis, categories);
        return evidence.Count == 0 ? null : new Finding(kind, FindingStatus.Present, severity, summary, evidence);
    }
}
