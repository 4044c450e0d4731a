using System.Formats.Tar;
using System.Text;

namespace RegistryJanitor.Demo;

/// <summary>
/// Reads the folder given with <c>--files</c>: one sub-folder per Debian package, as <c>dpkg-deb -x</c> unpacks
/// it, with the control files that <c>dpkg-deb -e</c> writes in its <c>DEBIAN</c> folder. Nothing is fetched
/// over the network.
/// </summary>
/// <remarks>
/// Without a folder (or for a package missing from it) a small generated stand-in with the package's name is
/// used, so the command also works inside the product image; the images then exercise the same findings with
/// fewer real bytes, and the command says which packages were stood in for.
/// </remarks>
internal sealed class DemoFileSource
{
    /// <summary>Cap on the bytes read from the folder, against pointing it at a whole disk by mistake.</summary>
    private const long MaxTotalBytes = 512L * 1024 * 1024;

    private readonly string? folder;
    private readonly Dictionary<string, DemoPackage> cache = new(StringComparer.Ordinal);
    private long bytesRead;

    public DemoFileSource(string? folder) => this.folder = folder;

    public IEnumerable<string> StandIns => cache.Values.Where(p => p.IsStandIn).Select(p => p.Name);

    public DemoPackage Package(string name)
    {
        if (cache.TryGetValue(name, out var known))
        {
            return known;
        }

        var root = folder is null ? null : Path.Combine(folder, name);
        var package = root is not null && Directory.Exists(root) ? Read(name, root) : StandIn(name);
        cache[name] = package;
        return package;
    }

    private DemoPackage Read(string name, string root)
    {
        var files = new List<DemoFile>();
        var control = string.Empty;
        var controlPath = Path.Combine(root, "DEBIAN", "control");
        if (File.Exists(controlPath))
        {
            control = File.ReadAllText(controlPath);
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 };
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", options))
        {
            var relative = Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
            if (relative == "DEBIAN" || relative.StartsWith("DEBIAN/", StringComparison.Ordinal))
            {
                continue;
            }

            files.Add(ToFile(relative, entry));
        }

        return new DemoPackage(name, files, control.Length > 0 ? control : StandInControl(name), IsStandIn: false);
    }

    private DemoFile ToFile(string relative, FileSystemInfo entry)
    {
        if (entry.LinkTarget is { } target)
        {
            return new DemoFile(relative, TarEntryType.SymbolicLink, ReadOnlyMemory<byte>.Empty, target,
                entry.UnixFileMode);
        }

        if (entry is DirectoryInfo)
        {
            return DemoFile.Folder(relative) with { Mode = entry.UnixFileMode };
        }

        bytesRead += ((FileInfo)entry).Length;
        if (bytesRead > MaxTotalBytes)
        {
            throw new InvalidOperationException(
                $"The files folder holds more than {MaxTotalBytes / (1024 * 1024)} MiB; point --files at the demo "
                + "package cache.");
        }

        return DemoFile.Bytes(relative, File.ReadAllBytes(entry.FullName)) with { Mode = entry.UnixFileMode };
    }

    private static DemoPackage StandIn(string name)
    {
        // Bytes that do not compress to nothing, so sizes stay meaningful.
        var content = DemoApps.Filler(name, 64 * 1024);
        var files = new List<DemoFile>
        {
            DemoFile.Text($"usr/share/doc/{name}/README.demo", $"Demo stand-in for the Debian package {name}.\n"),
            DemoFile.Bytes($"usr/lib/demo/{name}.bin", content),
        };
        return new DemoPackage(name, files, StandInControl(name), IsStandIn: true);
    }

    private static string StandInControl(string name) =>
        new StringBuilder()
            .Append("Package: ").Append(name).Append('\n')
            .Append("Version: 0.0-demo\nArchitecture: amd64\nMaintainer: RegistryJanitor demo\n")
            .Append("Installed-Size: 64\nDescription: demo stand-in for ").Append(name).Append('\n')
            .ToString();
}
