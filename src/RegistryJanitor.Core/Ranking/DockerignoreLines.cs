namespace RegistryJanitor.Core.Ranking;

/// <summary>Derives <c>.dockerignore</c> lines from the leaked-context paths actually found in an image.</summary>
public static class DockerignoreLines
{
    private static readonly string[] Folders =
        [".git", ".svn", ".hg", ".idea", ".vscode", ".nyc_output", "coverage", "htmlcov", "__tests__", "tests", "test",
            "fixtures", "node_modules"];

    /// <summary>One line per distinct pattern, sorted, for the given image paths.</summary>
    public static IReadOnlyList<string> From(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var line = LineFor(path);
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        return [.. lines];
    }

    private static string? LineFor(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0)
        {
            return null;
        }

        var folder = segments[..^1].FirstOrDefault(segment => Folders.Contains(segment, StringComparer.Ordinal));
        if (folder is not null)
        {
            return $"**/{folder}";
        }

        var name = segments[^1];
        return name switch
        {
            "Dockerfile" or "Containerfile" or ".dockerignore" => name,
            _ when name.StartsWith("Dockerfile.", StringComparison.Ordinal) => "Dockerfile.*",
            _ when name.StartsWith("docker-compose", StringComparison.Ordinal)
                || name.StartsWith("compose.", StringComparison.Ordinal) => name,
            ".env" => "**/.env",
            _ when name.StartsWith(".env.", StringComparison.Ordinal) => "**/.env.*",
            ".npmrc" or ".netrc" or ".git-credentials" or ".pgpass" => $"**/{name}",
            _ when name.EndsWith(".log", StringComparison.Ordinal) => "**/*.log",
            _ when name.EndsWith(".swp", StringComparison.Ordinal) => "**/*.swp",
            ".coverage" or "lcov.info" => $"**/{name}",
            _ when name.EndsWith(".pem", StringComparison.Ordinal) || name.EndsWith(".key", StringComparison.Ordinal)
                => $"**/*{Path.GetExtension(name)}",
            _ => null,
        };
    }
}
