using System.Text;

namespace RegistryJanitor.Core.Layers.Packages;

/// <summary>Small text helpers shared by the package database parsers.</summary>
internal static class PackageText
{
    /// <summary>Splits into lines, dropping carriage returns.</summary>
    public static string[] Lines(byte[] content) =>
        Encoding.UTF8.GetString(content).Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');

    /// <summary>Reads <c>Key: value</c> headers up to the first blank line (RFC 822 style, as METADATA uses).</summary>
    public static string Header(byte[] content, string key)
    {
        foreach (var line in Lines(content))
        {
            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith(key, StringComparison.Ordinal) && line.Length > key.Length && line[key.Length] == ':')
            {
                return line[(key.Length + 1)..].Trim();
            }
        }

        return string.Empty;
    }

    /// <summary>Resolves a relative path against a folder, clamping <c>..</c> at the root.</summary>
    public static string Resolve(string folder, string relative)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>An absolute path from a file list, as an index path.</summary>
    public static string FromAbsolute(string line) => line.Trim().TrimStart('/');
}
