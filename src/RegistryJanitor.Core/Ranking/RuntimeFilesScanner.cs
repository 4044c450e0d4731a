using RegistryJanitor.Core.Layers;

namespace RegistryJanitor.Core.Ranking;

/// <summary>Reads <see cref="RuntimeFiles"/> from the visible files of an image's merged filesystem.</summary>
public static class RuntimeFilesScanner
{
    /// <summary>Paths listed per kind at most; the rest only count.</summary>
    public const int MaxPaths = 5;

    private const int ExecutableBits = 0b001_001_001;

    private static readonly string[] ShellNames = ["bash", "dash", "busybox", "ash", "zsh", "sh"];

    private static readonly string[] PackageManagerNames = ["apt", "apt-get", "apk", "dnf", "yum", "microdnf"];

    private static readonly string[] BinaryFolders = ["bin/", "sbin/", "usr/bin/", "usr/sbin/", "usr/local/bin/"];

    // Folders whose executables belong to the OS or a language runtime rather than to the application.
    private static readonly string[] SystemPrefixes =
        ["bin/", "sbin/", "usr/", "lib/", "lib64/", "etc/", "var/", "opt/java/", "opt/conda/"];

    public static RuntimeFiles Scan(IEnumerable<string> paths, Func<string, (long Size, int Mode)> describe)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(describe);
        var shells = new SortedSet<string>(StringComparer.Ordinal);
        var packageManagers = new SortedSet<string>(StringComparer.Ordinal);
        var executables = new SortedSet<string>(StringComparer.Ordinal);
        long nodeModules = 0, jvm = 0, dotNet = 0;
        bool node = false, go = false, loader = false;
        foreach (var path in paths)
        {
            var (size, mode) = describe(path);
            var name = path[(path.LastIndexOf('/') + 1)..];
            var inBinaryFolder = BinaryFolders.Any(folder => path.Length == folder.Length + name.Length
                && path.StartsWith(folder, StringComparison.Ordinal));
            if (inBinaryFolder && ShellNames.Contains(name, StringComparer.Ordinal))
            {
                shells.Add(path);
            }

            if (inBinaryFolder && PackageManagerNames.Contains(name, StringComparer.Ordinal))
            {
                packageManagers.Add(path);
            }

            node |= name == "node" && inBinaryFolder;
            go |= path.EndsWith("go/bin/go", StringComparison.Ordinal)
                || path.Contains("/pkg/tool/", StringComparison.Ordinal);
            loader |= IsDynamicLoader(path, name);
            nodeModules += path.Contains("node_modules/", StringComparison.Ordinal) ? size : 0;
            jvm += IsJvm(path, name) ? size : 0;
            dotNet += IsDotNet(path, name) ? size : 0;
            if ((mode & ExecutableBits) != 0 && !SystemPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal))
                && !name.Contains('.', StringComparison.Ordinal))
            {
                executables.Add(path);
            }
        }

        return new RuntimeFiles(
            [.. shells.Take(MaxPaths)], [.. packageManagers.Take(MaxPaths)], nodeModules, node, jvm, dotNet, go,
            loader ? [] : [.. executables.Take(MaxPaths)], loader);
    }

    /// <summary>Scans the visible regular files of a merged filesystem.</summary>
    public static RuntimeFiles Scan(IReadOnlyDictionary<string, VisibleFile> visibleFiles)
    {
        ArgumentNullException.ThrowIfNull(visibleFiles);
        return Scan(visibleFiles.Keys, path => (visibleFiles[path].Entry.Size, visibleFiles[path].Entry.Mode));
    }

    private static bool IsDynamicLoader(string path, string name) =>
        (name.StartsWith("ld-linux", StringComparison.Ordinal) || name.StartsWith("ld-musl", StringComparison.Ordinal)
            || name == "ld64.so.2")
        && (path.StartsWith("lib", StringComparison.Ordinal) || path.StartsWith("usr/lib", StringComparison.Ordinal));

    private static bool IsJvm(string path, string name) =>
        name.EndsWith(".jar", StringComparison.Ordinal) || name.EndsWith(".war", StringComparison.Ordinal)
        || path.StartsWith("usr/lib/jvm/", StringComparison.Ordinal)
        || path.StartsWith("opt/java/", StringComparison.Ordinal);

    private static bool IsDotNet(string path, string name) =>
        path.StartsWith("usr/share/dotnet/", StringComparison.Ordinal)
        || path.StartsWith("usr/lib/dotnet/", StringComparison.Ordinal)
        || name.EndsWith(".deps.json", StringComparison.Ordinal)
        || name.EndsWith(".runtimeconfig.json", StringComparison.Ordinal)
        || (name.EndsWith(".dll", StringComparison.Ordinal)
            && !path.Contains("site-packages", StringComparison.Ordinal));
}
