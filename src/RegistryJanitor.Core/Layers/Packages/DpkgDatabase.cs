namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>Reads dpkg's <c>status</c> (or distroless <c>status.d/*</c>) and <c>info/*.list</c> files.</summary>
/// <remarks>
/// Only packages whose status says <c>installed</c> are kept. Files come from <c>info/NAME[:ARCH].list</c>;
/// distroless images ship no lists (only md5sums), so their packages are named with zero attributed bytes.
/// </remarks>
public static class DpkgDatabase
{
    public static IReadOnlyList<InstalledPackage> Parse(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            if (path == PackageDatabaseFiles.DpkgStatus
                || path.StartsWith(PackageDatabaseFiles.DpkgStatusDirectory, StringComparison.Ordinal))
            {
                ReadStatus(content, versions);
            }
        }

        var owned = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            if (!path.StartsWith(PackageDatabaseFiles.DpkgInfoDirectory, StringComparison.Ordinal)
                || !path.EndsWith(".list", StringComparison.Ordinal))
            {
                continue;
            }

            var name = path[PackageDatabaseFiles.DpkgInfoDirectory.Length..^".list".Length];
            var colon = name.IndexOf(':', StringComparison.Ordinal);
            name = colon < 0 ? name : name[..colon];
            var list = owned.TryGetValue(name, out var existing) ? existing : owned[name] = [];
            list.AddRange(PackageText.Lines(content).Select(PackageText.FromAbsolute).Where(p => p.Length > 0));
        }

        return versions
            .Select(pair => new InstalledPackage(
                "dpkg", pair.Key, pair.Value, owned.TryGetValue(pair.Key, out var list) ? list : [], null))
            .ToList();
    }

    private static void ReadStatus(byte[] content, Dictionary<string, string> versions)
    {
        string? name = null;
        var version = string.Empty;
        var installed = false;
        foreach (var line in PackageText.Lines(content).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                if (name is not null && installed)
                {
                    versions[name] = version;
                }

                (name, version, installed) = (null, string.Empty, false);
            }
            else if (line.StartsWith("Package:", StringComparison.Ordinal))
            {
                name = line["Package:".Length..].Trim();
            }
            else if (line.StartsWith("Version:", StringComparison.Ordinal))
            {
                version = line["Version:".Length..].Trim();
            }
            else if (line.StartsWith("Status:", StringComparison.Ordinal))
            {
                installed = line.EndsWith(" installed", StringComparison.Ordinal);
            }
        }
    }
}
