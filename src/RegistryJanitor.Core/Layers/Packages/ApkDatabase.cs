namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>
/// Reads Alpine's <c>lib/apk/db/installed</c>: <c>P:</c> name, <c>V:</c> version, <c>F:</c>/<c>R:</c> files.
/// </summary>
public static class ApkDatabase
{
    public static IReadOnlyList<InstalledPackage> Parse(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var packages = new List<InstalledPackage>();
        string? name = null;
        var version = string.Empty;
        var folder = string.Empty;
        var files = new List<string>();
        foreach (var line in PackageText.Lines(content).Append(string.Empty))
        {
            if (line.Length == 0)
            {
                if (name is not null)
                {
                    packages.Add(new InstalledPackage("apk", name, version, files, null));
                }

                (name, version, folder, files) = (null, string.Empty, string.Empty, []);
                continue;
            }

            if (line.Length < 2 || line[1] != ':')
            {
                continue;
            }

            var value = line[2..];
            switch (line[0])
            {
                case 'P':
                    name = value;
                    break;
                case 'V':
                    version = value;
                    break;
                case 'F':
                    folder = value.Trim('/');
                    break;
                case 'R':
                    files.Add(folder.Length == 0 ? value : folder + "/" + value);
                    break;
                default:
                    break;
            }
        }

        return packages;
    }
}
