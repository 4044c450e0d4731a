namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>Attributes the bytes of an image's final filesystem to the packages its databases list.</summary>
/// <remarks>
/// Only visible regular files count, each once per package. The database files used are the visible copies:
/// a package database rewritten in a later layer supersedes the earlier one, as it does at run time. dpkg packages
/// also get the bytes of the dependencies installed only for them (<see cref="DependencyClosure"/>).
/// </remarks>
public static class PackageAttribution
{
    private static readonly string[] DevelopmentNames =
        ["build-essential", "build-base", "gcc", "g++", "cpp", "make", "binutils", "clang", "llvm", "cmake"];

    public static IReadOnlyList<PackageUsage> Attribute(
        OverlayResult overlay, IReadOnlyList<LayerIndex> layers) => Attribute(overlay, Installed(overlay, layers));

    /// <summary>The packages the visible package databases of the image list.</summary>
    public static IReadOnlyList<InstalledPackage> Installed(OverlayResult overlay, IReadOnlyList<LayerIndex> layers)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        ArgumentNullException.ThrowIfNull(layers);
        var databases = VisibleDatabaseFiles(overlay, layers);
        var packages = new List<InstalledPackage>();
        packages.AddRange(DpkgDatabase.Parse(databases));
        if (databases.TryGetValue(PackageDatabaseFiles.ApkInstalled, out var apk))
        {
            packages.AddRange(ApkDatabase.Parse(apk));
        }

        packages.AddRange(PythonDistributions.Parse(databases));
        packages.AddRange(NodePackages.Parse(databases));
        return packages;
    }

    /// <summary>The visible bytes and files each of <paramref name="packages"/> owns, largest first.</summary>
    public static IReadOnlyList<PackageUsage> Attribute(
        OverlayResult overlay, IReadOnlyList<InstalledPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        ArgumentNullException.ThrowIfNull(packages);
        var folderTotals = NodeFolderTotals(overlay);
        var dpkg = packages.Where(package => package.Ecosystem == "dpkg").ToList();
        var dpkgByName = dpkg.DistinctBy(package => package.Name, StringComparer.Ordinal)
            .ToDictionary(package => package.Name, StringComparer.Ordinal);
        var exclusive = DependencyClosure.Compute(dpkg);
        var usages = new List<PackageUsage>(packages.Count);
        foreach (var package in packages)
        {
            var (bytes, count) = package.Directory is { } directory
                ? folderTotals.GetValueOrDefault(directory)
                : FileTotals(package.Files, overlay);
            var usage = new PackageUsage(package.Ecosystem, package.Name, package.Version, bytes, count,
                IsDevelopment(package.Name));
            if (package.Ecosystem == "dpkg" && exclusive.TryGetValue(package.Name, out var dependencies))
            {
                var owned = new HashSet<string>(package.Files, StringComparer.Ordinal);
                var files = dependencies.SelectMany(name => dpkgByName[name].Files)
                    .Where(path => !owned.Contains(path)).ToList();
                var (dependencyBytes, dependencyCount) = FileTotals(files, overlay);
                usage = usage with
                {
                    ExclusiveDependencies = dependencies,
                    DependencyBytes = dependencyBytes,
                    DependencyFileCount = dependencyCount,
                };
            }

            usages.Add(usage);
        }

        return usages.OrderByDescending(usage => usage.Bytes).ThenBy(usage => usage.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Files owned by system (dpkg, apk) development packages: what removing the <c>-dev</c> packages and compiler
    /// meta-packages would take away.
    /// </summary>
    public static HashSet<string> DevelopmentFiles(IReadOnlyList<InstalledPackage> packages)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var package in packages)
        {
            if (package.Ecosystem is "dpkg" or "apk" && IsDevelopment(package.Name))
            {
                files.UnionWith(package.Files);
            }
        }

        return files;
    }

    public static bool IsDevelopment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.EndsWith("-dev", StringComparison.Ordinal) || name.EndsWith("-devel", StringComparison.Ordinal)
            || name.EndsWith("-headers", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var development in DevelopmentNames)
        {
            if (name == development || (name.StartsWith(development, StringComparison.Ordinal)
                && name.Length > development.Length && name[development.Length] == '-'
                && char.IsAsciiDigit(name[^1])))
            {
                return true;
            }
        }

        return false;
    }

    private static Dictionary<string, byte[]> VisibleDatabaseFiles(
        OverlayResult overlay, IReadOnlyList<LayerIndex> layers)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, visible) in overlay.VisibleFiles)
        {
            if (layers[visible.Layer].CapturedFiles.TryGetValue(path, out var content))
            {
                files[path] = content;
            }
        }

        return files;
    }

    private static (long Bytes, int Count) FileTotals(IReadOnlyList<string> files, OverlayResult overlay)
    {
        long bytes = 0;
        var count = 0;
        foreach (var path in files.Distinct(StringComparer.Ordinal))
        {
            if (overlay.VisibleFiles.TryGetValue(path, out var visible))
            {
                bytes += visible.Entry.Size;
                count++;
            }
        }

        return (bytes, count);
    }

    /// <summary>Visible bytes per innermost <c>node_modules</c> package folder.</summary>
    private static Dictionary<string, (long Bytes, int Count)> NodeFolderTotals(OverlayResult overlay)
    {
        var totals = new Dictionary<string, (long Bytes, int Count)>(StringComparer.Ordinal);
        foreach (var (path, visible) in overlay.VisibleFiles)
        {
            var modules = path.LastIndexOf("node_modules/", StringComparison.Ordinal);
            if (modules < 0 || (modules > 0 && path[modules - 1] != '/'))
            {
                continue;
            }

            var start = modules + "node_modules/".Length;
            var end = path.IndexOf('/', start);
            if (end > 0 && path[start] == '@')
            {
                end = path.IndexOf('/', end + 1);
            }

            if (end < 0)
            {
                continue;
            }

            var folder = path[..end];
            var (bytes, count) = totals.GetValueOrDefault(folder);
            totals[folder] = (bytes + visible.Entry.Size, count + 1);
        }

        return totals;
    }
}
