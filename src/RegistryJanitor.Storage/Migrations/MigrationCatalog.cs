using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace RegistryJanitor.Storage.Migrations;

/// <summary>Finds and reads the numbered SQL files of the migrations folder.</summary>
public static partial class MigrationCatalog
{
    /// <summary>The folder name the build copies migrations into, beside the executable.</summary>
    public const string DefaultFolderName = "migrations";

    /// <summary>The configured folder as an absolute path, or the <c>migrations</c> folder beside the binary.</summary>
    public static string ResolveDirectory(string? configuredPath) =>
        string.IsNullOrWhiteSpace(configuredPath)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, DefaultFolderName)
            : System.IO.Path.GetFullPath(configuredPath);

    /// <summary>Reads every <c>*.sql</c> file of <paramref name="directory"/>, ordered by version.</summary>
    /// <exception cref="MigrationException">
    /// The folder is missing, a <c>.sql</c> file is not named <c>VNNN__snake_case.sql</c>, or two files share a
    /// version. A misnamed file is an error rather than ignored, so a typo cannot silently skip a migration.
    /// </exception>
    public static IReadOnlyList<MigrationScript> Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            throw new MigrationException(
                $"migrations folder not found: {directory} " +
                "(set Migrations:Path to the folder of VNNN__name.sql files)");
        }

        var scripts = new List<MigrationScript>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.sql"))
        {
            scripts.Add(Read(path));
        }

        scripts.Sort((left, right) => left.Version.CompareTo(right.Version));

        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
            {
                throw new MigrationException(
                    $"migrations {scripts[i - 1].FileName} and {scripts[i].FileName} " +
                    $"share version {scripts[i].Version}");
            }
        }

        return scripts;
    }

    /// <summary>
    /// The checksum recorded for a script: sha256 of its UTF-8 text with CRLF turned into LF and any byte order
    /// mark removed, so a checkout with other line endings does not look like an edited migration.
    /// </summary>
    public static string ComputeChecksum(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var normalized = sql.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));
    }

    private static MigrationScript Read(string path)
    {
        var fileName = System.IO.Path.GetFileName(path);
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new MigrationException(
                $"migration file name not understood: {fileName} (expected VNNN__snake_case_name.sql)");
        }

        var version = int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        var sql = File.ReadAllText(path, Encoding.UTF8);
        return new MigrationScript(version, match.Groups["name"].Value, fileName, sql, ComputeChecksum(sql));
    }

    [GeneratedRegex("^V(?<version>[0-9]{3,9})__(?<name>[a-z0-9]+(?:_[a-z0-9]+)*)\\.sql$")]
    private static partial Regex FileNamePattern();
}
