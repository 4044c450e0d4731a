namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>
/// Reads Python <c>*.dist-info</c> (METADATA + RECORD) and <c>*.egg-info</c> (PKG-INFO + installed-files).
/// </summary>
/// <remarks>
/// RECORD paths are relative to the folder holding the dist-info (site-packages) and may climb out of it
/// (<c>../../../bin/tool</c>); installed-files.txt paths are relative to the egg-info folder itself.
/// </remarks>
public static class PythonDistributions
{
    public static IReadOnlyList<InstalledPackage> Parse(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var packages = new List<InstalledPackage>();
        foreach (var (path, content) in files)
        {
            if (path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal))
            {
                var infoFolder = path[..^"/METADATA".Length];
                var record = files.GetValueOrDefault(infoFolder + "/RECORD");
                var owned = record is null ? [] : ReadRecord(record, LayerPath.Parent(infoFolder).ToString());
                packages.Add(Package(content, owned));
            }
            else if (path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal))
            {
                var infoFolder = path[..^"/PKG-INFO".Length];
                var installed = files.GetValueOrDefault(infoFolder + "/installed-files.txt");
                var owned = installed is null
                    ? []
                    : PackageText.Lines(installed).Where(line => line.Length > 0)
                        .Select(line => PackageText.Resolve(infoFolder, line.Trim())).ToList();
                packages.Add(Package(content, owned));
            }
        }

        return packages;
    }

    private static InstalledPackage Package(byte[] metadata, List<string> owned) => new(
        "python", PackageText.Header(metadata, "Name"), PackageText.Header(metadata, "Version"), owned, null);

    private static List<string> ReadRecord(byte[] record, string baseFolder)
    {
        var owned = new List<string>();
        foreach (var line in PackageText.Lines(record))
        {
            // path,hash,size: the path is everything before the last two commas (it may itself hold commas).
            var sizeComma = line.LastIndexOf(',');
            var hashComma = sizeComma > 0 ? line.LastIndexOf(',', sizeComma - 1) : -1;
            if (hashComma <= 0)
            {
                continue;
            }

            var relative = line[..hashComma].Trim('"');
            owned.Add(PackageText.Resolve(baseFolder, relative));
        }

        return owned;
    }
}
