namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>Reads dpkg's <c>status</c> (or distroless <c>status.d/*</c>) and <c>info/*.list</c> files.</summary>
/// <remarks>
/// Only packages whose status says <c>installed</c> are kept. Files come from <c>info/NAME[:ARCH].list</c>;
/// distroless images ship no lists (only md5sums), so their packages are named with zero attributed bytes.
/// <c>Pre-Depends</c>, <c>Depends</c>, <c>Provides</c>, <c>Essential</c> and <c>Priority</c> are kept for
/// <see cref="DependencyClosure"/>.
/// </remarks>
public static class DpkgDatabase
{
    public static IReadOnlyList<InstalledPackage> Parse(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var installed = new Dictionary<string, DpkgStatusEntry>(StringComparer.Ordinal);
        foreach (var (path, content) in files)
        {
            if (path == PackageDatabaseFiles.DpkgStatus
                || path.StartsWith(PackageDatabaseFiles.DpkgStatusDirectory, StringComparison.Ordinal))
            {
                ReadStatus(content, installed);
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

        return installed.Values
            .Select(entry => new InstalledPackage(
                "dpkg", entry.Name, entry.Version, owned.TryGetValue(entry.Name, out var list) ? list : [], null)
            {
                Dependencies = entry.Dependencies,
                Provides = entry.Provides,
                IsBaseSystem = entry.IsBaseSystem,
            })
            .ToList();
    }

    private static void ReadStatus(byte[] content, Dictionary<string, DpkgStatusEntry> installed)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in PackageText.Lines(content).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                var status = fields.GetValueOrDefault("Status", string.Empty);
                if (fields.GetValueOrDefault("Package") is { Length: > 0 } name
                    && status.EndsWith(" installed", StringComparison.Ordinal))
                {
                    installed[name] = Entry(name, fields);
                }

                fields.Clear();
                continue;
            }

            // Continuation lines (a leading space) belong to multi-line fields such as Description.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[0] != ' ' && line[0] != '\t')
            {
                fields[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }
    }

    private static DpkgStatusEntry Entry(string name, Dictionary<string, string> fields)
    {
        var relations = Relations(fields.GetValueOrDefault("Pre-Depends"))
            .Concat(Relations(fields.GetValueOrDefault("Depends")))
            .ToList();
        var provides = Relations(fields.GetValueOrDefault("Provides")).SelectMany(group => group).ToList();
        var baseSystem = fields.GetValueOrDefault("Essential") == "yes"
            || fields.GetValueOrDefault("Priority") == "required";
        return new DpkgStatusEntry(name, fields.GetValueOrDefault("Version", string.Empty), relations, provides,
            baseSystem);
    }

    /// <summary>
    /// <c>libc6 (&gt;= 2.34), debconf (&gt;= 0.5) | debconf-2.0, python3:any</c> into alternative name lists.
    /// </summary>
    private static IEnumerable<IReadOnlyList<string>> Relations(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield break;
        }

        const StringSplitOptions Options = StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries;
        foreach (var relation in value.Split(',', Options))
        {
            var alternatives = new List<string>();
            foreach (var alternative in relation.Split('|', StringSplitOptions.TrimEntries))
            {
                var end = alternative.IndexOfAny([' ', '(', ':', '[', '<']);
                var packageName = end < 0 ? alternative : alternative[..end];
                if (packageName.Length > 0)
                {
                    alternatives.Add(packageName);
                }
            }

            if (alternatives.Count > 0)
            {
                yield return alternatives;
            }
        }
    }
}
