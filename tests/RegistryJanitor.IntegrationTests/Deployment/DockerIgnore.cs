using System.Text;
using System.Text.RegularExpressions;

namespace RegistryJanitor.IntegrationTests.Deployment;

/// <summary>
/// The exclusion rules of a <c>.dockerignore</c> file, matched the way the Docker builder matches them:
/// paths relative to the context root, <c>*</c> and <c>?</c> within one path segment, <c>**</c> across any
/// number of segments, a pattern that matches a folder excludes everything under it, <c>!</c> re-includes,
/// and the last matching line wins.
/// </summary>
internal sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Excludes, string Line)> rules;

    public DockerIgnore(string text)
    {
        rules = text.ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.StartsWith('!')
                ? (Line: line[1..].Trim(), Excludes: false)
                : (Line: line, Excludes: true))
            .Select(rule => (ToRegex(Normalize(rule.Line)), rule.Excludes, rule.Line))
            .ToList();
    }

    /// <summary>True when the file at this context-relative path is left out of the build context.</summary>
    public bool Excludes(string relativePath)
    {
        var path = Normalize(relativePath);
        var excluded = false;
        foreach (var (pattern, excludes, _) in rules)
        {
            if (MatchesItselfOrAFolderAbove(pattern, path))
            {
                excluded = excludes;
            }
        }

        return excluded;
    }

    private static bool MatchesItselfOrAFolderAbove(Regex pattern, string path)
    {
        var segments = path.Split('/');
        for (var length = segments.Length; length > 0; length--)
        {
            if (pattern.IsMatch(string.Join('/', segments[..length])))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string path) => path.Replace('\\', '/').Trim('/').Replace("/./", "/");

    private static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var index = 0; index < pattern.Length; index++)
        {
            var character = pattern[index];
            if (character == '*' && index + 1 < pattern.Length && pattern[index + 1] == '*')
            {
                // "**/" matches zero or more whole segments; a trailing "**" matches anything.
                var followedBySlash = index + 2 < pattern.Length && pattern[index + 2] == '/';
                regex.Append(followedBySlash ? "(.*/)?" : ".*");
                index += followedBySlash ? 2 : 1;
            }
            else
            {
                regex.Append(character switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(character.ToString()),
                });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
