namespace RegistryJanitor.Core.Layers;

/// <summary>Decides from a file's path which dead-weight category, if any, it belongs to.</summary>
/// <remarks>
/// Rules are checked in order and the first match wins: version-control folders first (a <c>.git</c> inside a
/// cache is still version control), then package-manager caches, toolchains, build-context leftovers and docs.
/// Test and fixture folders count as leaked build context only outside installed-package trees
/// (<c>node_modules</c>, <c>site-packages</c>, <c>/usr</c>, ...), where they are the upstream package's own files.
/// <c>node_modules</c> copied from the build host cannot be told apart from an installed one by path alone, so
/// the path never makes it leaked context here; the per-image walk does, from the layer history
/// (<see cref="LeakedNodeModules"/>). <c>-dev</c> packages are recognised through the package databases instead.
/// </remarks>
public static class DeadWeightClassifier
{
    private static readonly string[] PackageTrees =
        ["node_modules/", "site-packages/", "dist-packages/", "vendor/", "usr/", "lib/", "opt/conda/", "var/", "etc/"];

    private static readonly string[] CompilerNames =
        ["gcc", "g++", "cc", "c++", "cpp", "cc1", "cc1plus", "clang", "clang++", "gfortran", "rustc", "javac",
            "ld", "ld.bfd", "ld.gold", "as", "make", "cmake"];

    public static DeadWeightCategory Classify(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (HasSegment(path, ".git/") || HasSegment(path, ".svn/") || HasSegment(path, ".hg/"))
        {
            return DeadWeightCategory.VersionControl;
        }

        return ClassifyCache(path) is var cache and not DeadWeightCategory.None ? cache
            : IsToolchain(path) ? DeadWeightCategory.Toolchain
            : IsLeakedContext(path) ? DeadWeightCategory.LeakedBuildContext
            : ClassifyDocs(path);
    }

    private static DeadWeightCategory ClassifyCache(string path) => path switch
    {
        _ when path.StartsWith("var/lib/apt/lists/", StringComparison.Ordinal) => DeadWeightCategory.AptLists,
        _ when path.StartsWith("var/cache/apt/", StringComparison.Ordinal) => DeadWeightCategory.AptArchives,
        _ when path.StartsWith("var/cache/apk/", StringComparison.Ordinal)
            || path.StartsWith("etc/apk/cache/", StringComparison.Ordinal) => DeadWeightCategory.ApkCache,
        _ when path.StartsWith("var/cache/yum/", StringComparison.Ordinal)
            || path.StartsWith("var/cache/dnf/", StringComparison.Ordinal)
            || path.StartsWith("var/cache/libdnf5/", StringComparison.Ordinal) => DeadWeightCategory.YumDnfCache,
        _ when HasSegment(path, ".cache/pip/") => DeadWeightCategory.PipCache,
        _ when HasSegment(path, ".npm/") || HasSegment(path, ".cache/npm/") => DeadWeightCategory.NpmCache,
        _ when HasSegment(path, ".cache/yarn/") || HasSegment(path, ".yarn/cache/")
            || HasSegment(path, ".yarn-cache/") => DeadWeightCategory.YarnCache,
        _ when HasSegment(path, ".pnpm-store/") || HasSegment(path, ".local/share/pnpm/store/")
            || HasSegment(path, ".cache/pnpm/") => DeadWeightCategory.PnpmStore,
        _ when HasSegment(path, ".cache/go-build/") => DeadWeightCategory.GoBuildCache,
        _ when HasSegment(path, "go/pkg/mod/") => DeadWeightCategory.GoModuleCache,
        _ when HasSegment(path, ".m2/repository/") => DeadWeightCategory.MavenRepository,
        _ when HasSegment(path, ".gradle/caches/") || HasSegment(path, ".gradle/wrapper/dists/")
            => DeadWeightCategory.GradleCache,
        _ => DeadWeightCategory.None,
    };

    private static bool IsToolchain(string path)
    {
        if (path.StartsWith("usr/lib/gcc/", StringComparison.Ordinal)
            || path.StartsWith("usr/libexec/gcc/", StringComparison.Ordinal)
            || path.StartsWith("usr/local/go/", StringComparison.Ordinal)
            || HasSegment(path, ".rustup/toolchains/"))
        {
            return true;
        }

        if ((path.StartsWith("usr/include/", StringComparison.Ordinal)
                || path.StartsWith("usr/local/include/", StringComparison.Ordinal))
            && (path.EndsWith(".h", StringComparison.Ordinal) || path.EndsWith(".hpp", StringComparison.Ordinal)))
        {
            return true;
        }

        var name = FileName(path);
        if (name.EndsWith(".a", StringComparison.Ordinal) && (path.StartsWith("usr/", StringComparison.Ordinal)
                || path.StartsWith("lib/", StringComparison.Ordinal)))
        {
            return true;
        }

        var directory = LayerPath.Parent(path);
        var inBin = directory is "usr/bin" or "bin" or "usr/local/bin";
        return inBin && IsCompilerName(name);
    }

    private static bool IsCompilerName(ReadOnlySpan<char> name)
    {
        // Versioned and target-prefixed names: gcc-12, x86_64-linux-gnu-gcc-12, clang-16.
        var dash = name.LastIndexOf('-');
        if (dash > 0 && dash + 1 < name.Length && char.IsAsciiDigit(name[dash + 1]))
        {
            name = name[..dash];
        }

        foreach (var compiler in CompilerNames)
        {
            if (name.SequenceEqual(compiler) || (name.EndsWith(compiler, StringComparison.Ordinal)
                    && name.Length > compiler.Length && name[^(compiler.Length + 1)] == '-'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLeakedContext(string path)
    {
        var name = FileName(path);
        if (name is "Dockerfile" or "Containerfile" or ".dockerignore" or "docker-compose.yml"
                or "docker-compose.yaml" or "compose.yaml" or "compose.yml" or ".coverage" or "lcov.info"
                or "npm-debug.log" or "yarn-error.log"
            || name.StartsWith("Dockerfile.", StringComparison.Ordinal)
            || name.SequenceEqual(".env") || name.StartsWith(".env.", StringComparison.Ordinal)
            || name.EndsWith(".swp", StringComparison.Ordinal))
        {
            return true;
        }

        if (HasSegment(path, ".idea/") || HasSegment(path, ".vscode/") || HasSegment(path, ".nyc_output/"))
        {
            return true;
        }

        if (IsInPackageTree(path))
        {
            return false;
        }

        return HasSegment(path, "coverage/") || HasSegment(path, "htmlcov/") || HasSegment(path, "test/")
            || HasSegment(path, "tests/") || HasSegment(path, "__tests__/") || HasSegment(path, "fixtures/")
            || name.EndsWith(".log", StringComparison.Ordinal);
    }

    private static DeadWeightCategory ClassifyDocs(string path) => path switch
    {
        _ when path.StartsWith("usr/share/man/", StringComparison.Ordinal)
            || path.StartsWith("usr/local/share/man/", StringComparison.Ordinal) => DeadWeightCategory.ManPages,
        _ when path.StartsWith("usr/share/doc/", StringComparison.Ordinal)
            || path.StartsWith("usr/share/info/", StringComparison.Ordinal)
            || path.StartsWith("usr/share/gtk-doc/", StringComparison.Ordinal)
            || path.StartsWith("usr/local/share/doc/", StringComparison.Ordinal) => DeadWeightCategory.Documentation,
        _ when path.StartsWith("usr/share/locale/", StringComparison.Ordinal)
            || path.StartsWith("usr/share/i18n/", StringComparison.Ordinal) => DeadWeightCategory.Locales,
        _ => DeadWeightCategory.None,
    };

    private static bool IsInPackageTree(string path)
    {
        foreach (var tree in PackageTrees)
        {
            if (HasSegment(path, tree))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="segments"/> starts the path or follows a slash in it.</summary>
    private static bool HasSegment(string path, string segments)
    {
        var index = path.IndexOf(segments, StringComparison.Ordinal);
        while (index >= 0)
        {
            if (index == 0 || path[index - 1] == '/')
            {
                return true;
            }

            index = path.IndexOf(segments, index + 1, StringComparison.Ordinal);
        }

        return false;
    }

    private static ReadOnlySpan<char> FileName(string path) => path.AsSpan(path.LastIndexOf('/') + 1);
}
