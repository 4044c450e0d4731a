using System.Text;
using System.Text.RegularExpressions;

namespace RegistryJanitor.Core.Costs;

/// <summary>
/// A repository or tag glob: <c>*</c> matches within one path segment, <c>**</c> across segments,
/// <c>?</c> one character other than <c>/</c>; everything else is literal.
/// </summary>
public sealed class RepositoryGlob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex regex;

    public RepositoryGlob(string pattern)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        Pattern = pattern;
        RegexPattern = ToRegex(pattern);
        regex = new Regex(RegexPattern, RegexOptions.CultureInvariant, MatchTimeout);
    }

    /// <summary>The glob as configured.</summary>
    public string Pattern { get; }

    /// <summary>The anchored regular expression; also valid as a PostgreSQL <c>~</c> pattern.</summary>
    public string RegexPattern { get; }

    /// <summary>True when the whole of <paramref name="name"/> matches.</summary>
    public bool IsMatch(string name) => regex.IsMatch(name);

    private static string ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
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

        return builder.Append('$').ToString();
    }
}
