using System.Text;
using System.Text.RegularExpressions;

namespace RegistryJanitor.Core.Scanning;

/// <summary>
/// Include/exclude glob patterns over repository names: <c>*</c> matches within one path segment,
/// <c>**</c> across segments, <c>?</c> one character. No include pattern means everything is included;
/// exclusion wins over inclusion.
/// </summary>
public sealed class RepositoryFilter
{
    private readonly Regex[] include;
    private readonly Regex[] exclude;

    public RepositoryFilter(IEnumerable<string> includePatterns, IEnumerable<string> excludePatterns)
    {
        ArgumentNullException.ThrowIfNull(includePatterns);
        ArgumentNullException.ThrowIfNull(excludePatterns);
        include = includePatterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(ToRegex).ToArray();
        exclude = excludePatterns.Where(p => !string.IsNullOrWhiteSpace(p)).Select(ToRegex).ToArray();
    }

    /// <summary>True when <paramref name="repository"/> is to be scanned.</summary>
    public bool Matches(string repository) =>
        (include.Length == 0 || include.Any(r => r.IsMatch(repository))) && !exclude.Any(r => r.IsMatch(repository));

    /// <summary>Translates a glob into an anchored regular expression.</summary>
    public static Regex ToRegex(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" also matches zero segments, so "a/**/b" matches "a/b".
                if (i + 2 < pattern.Length && pattern[i + 2] == '/')
                {
                    builder.Append("(?:.*/)?");
                    i += 2;
                }
                else
                {
                    builder.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        builder.Append('$');
        return new Regex(
            builder.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, TimeSpan.FromSeconds(1));
    }
}
