using System.Text.Json;

namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>Reads <c>node_modules/[@scope/]name/package.json</c> manifests.</summary>
/// <remarks>A manifest that is not valid JSON still names a package, by its folder, with no version.</remarks>
public static class NodePackages
{
    public static IReadOnlyList<InstalledPackage> Parse(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var packages = new List<InstalledPackage>();
        foreach (var (path, content) in files)
        {
            var directory = PackageDatabaseFiles.NodePackageDirectory(path);
            if (directory is null)
            {
                continue;
            }

            var folderName = directory[(directory.LastIndexOf("node_modules/", StringComparison.Ordinal) + 13)..];
            var (name, version) = ReadManifest(content);
            packages.Add(new InstalledPackage("npm", name ?? folderName, version ?? string.Empty, [], directory));
        }

        return packages;
    }

    private static (string? Name, string? Version) ReadManifest(byte[] content)
    {
        try
        {
            using var document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (Text(document.RootElement, "name"), Text(document.RootElement, "version"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
