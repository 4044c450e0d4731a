using Microsoft.Extensions.Configuration;

namespace RegistryJanitor.Options;

/// <summary>
/// Resolves secrets mounted as files: a setting <c>XFile</c> whose sibling <c>X</c> is secret
/// (<see cref="SecretKeys.IsSecret"/>) supplies the content of the named file as the value of <c>X</c>, for example
/// <c>Registries:0:PasswordFile</c> or <c>ConnectionStrings:PostgresFile</c>.
/// </summary>
/// <remarks>
/// Only secret-looking siblings are resolved so that a future non-secret setting ending in <c>File</c> (a template
/// path, say) keeps meaning a path. Files are read once at start; rotating a mounted secret needs a restart.
/// One trailing line break is removed, as editors and <c>kubectl create secret --from-file</c> tend to add one.
/// </remarks>
public static class SecretFileConfiguration
{
    /// <summary>
    /// Reads the files named by <c>*File</c> settings and adds their contents on top of the configuration.
    /// </summary>
    /// <exception cref="ConfigurationErrorException">A file is missing or unreadable, or both X and XFile are
    /// set.</exception>
    public static void AddSecretFiles(this IConfigurationBuilder builder, IConfiguration current)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(current);

        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, path) in current.AsEnumerable())
        {
            if (string.IsNullOrWhiteSpace(path) || !IsSecretFileKey(key, out var targetKey))
            {
                continue;
            }

            if (!string.IsNullOrEmpty(current[targetKey]))
            {
                throw ConfigurationErrorException.For(key, $"set either {targetKey} or {key}, not both");
            }

            values[targetKey] = ReadSecret(key, path);
        }

        if (values.Count > 0)
        {
            builder.AddInMemoryCollection(values);
        }
    }

    private static bool IsSecretFileKey(string key, out string targetKey)
    {
        targetKey = string.Empty;
        var segment = SecretKeys.LastSegment(key);
        if (segment.Length <= SecretKeys.FileSuffix.Length
            || !segment.EndsWith(SecretKeys.FileSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        targetKey = key[..^SecretKeys.FileSuffix.Length];
        return SecretKeys.IsSecret(targetKey);
    }

    private static string ReadSecret(string key, string path)
    {
        try
        {
            var content = File.ReadAllText(path);
            return content.EndsWith("\r\n", StringComparison.Ordinal) ? content[..^2]
                : content.EndsWith('\n') ? content[..^1]
                : content;
        }
        catch (FileNotFoundException)
        {
            throw ConfigurationErrorException.For(key, $"file not found: {path}");
        }
        catch (DirectoryNotFoundException)
        {
            throw ConfigurationErrorException.For(key, $"file not found: {path}");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw ConfigurationErrorException.For(key, $"file cannot be read: {path} ({exception.Message})");
        }
    }
}
