namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>Which small files the layer reader keeps so packages can be attributed bytes later.</summary>
public static class PackageDatabaseFiles
{
    /// <summary>Largest single file kept (a big dpkg status is a few MiB).</summary>
    public const int MaxFileBytes = 8 * 1024 * 1024;

    /// <summary>Largest total kept per layer, so memory stays bounded whatever the layer holds.</summary>
    public const long MaxLayerBytes = 32 * 1024 * 1024;

    public const string DpkgStatus = "var/lib/dpkg/status";
    public const string DpkgStatusDirectory = "var/lib/dpkg/status.d/";
    public const string DpkgInfoDirectory = "var/lib/dpkg/info/";
    public const string ApkInstalled = "lib/apk/db/installed";

    public static bool ShouldCapture(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path is DpkgStatus or ApkInstalled)
        {
            return true;
        }

        if (path.StartsWith(DpkgStatusDirectory, StringComparison.Ordinal))
        {
            return path.IndexOf('/', DpkgStatusDirectory.Length) < 0
                && !path.EndsWith(".md5sums", StringComparison.Ordinal);
        }

        if (path.StartsWith(DpkgInfoDirectory, StringComparison.Ordinal))
        {
            return path.EndsWith(".list", StringComparison.Ordinal);
        }

        return path.EndsWith(".dist-info/METADATA", StringComparison.Ordinal)
            || path.EndsWith(".dist-info/RECORD", StringComparison.Ordinal)
            || path.EndsWith(".egg-info/PKG-INFO", StringComparison.Ordinal)
            || path.EndsWith(".egg-info/installed-files.txt", StringComparison.Ordinal)
            || NodePackageDirectory(path) is not null;
    }

    /// <summary>
    /// The package folder when <paramref name="path"/> is <c>…/node_modules/[@scope/]name/package.json</c>.
    /// </summary>
    public static string? NodePackageDirectory(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        const string Manifest = "/package.json";
        if (!path.EndsWith(Manifest, StringComparison.Ordinal))
        {
            return null;
        }

        var directory = path[..^Manifest.Length];
        var modules = directory.LastIndexOf("node_modules/", StringComparison.Ordinal);
        if (modules < 0 || (modules > 0 && directory[modules - 1] != '/'))
        {
            return null;
        }

        var name = directory.AsSpan(modules + "node_modules/".Length);
        var slashes = name.Count('/');
        var valid = name.Length > 0 && (name[0] == '@' ? slashes == 1 : slashes == 0);
        return valid ? directory : null;
    }
}
