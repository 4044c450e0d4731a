using System.Text;

namespace RegistryJanitor.Registries.Auth;

/// <summary>
/// Parses <c>WWW-Authenticate</c> header values (RFC 9110 §11.6.1): several challenges per value, quoted
/// values that contain commas and escaped quotes, and several header lines.
/// </summary>
/// <remarks>
/// Written by hand because Azure.Core's challenge parser is internal and HttpClient's
/// <c>AuthenticationHeaderValue</c> splits a value with several challenges incorrectly.
/// </remarks>
public static class WwwAuthenticateParser
{
    /// <summary>Parses every challenge in every header value, in order.</summary>
    public static IReadOnlyList<AuthChallenge> Parse(IEnumerable<string> headerValues)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        var result = new List<AuthChallenge>();
        foreach (var value in headerValues)
        {
            ParseValue(value, result);
        }

        return result;
    }

    private static void ParseValue(string value, List<AuthChallenge> result)
    {
        var position = 0;
        string? scheme = null;
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSeparators(value, ref position);
            if (position >= value.Length)
            {
                break;
            }

            var token = ReadToken(value, ref position);
            if (token.Length == 0)
            {
                // Not a token character: skip it so a malformed header can never loop forever.
                position++;
                continue;
            }

            SkipSpaces(value, ref position);
            if (position < value.Length && value[position] == '=' && scheme is not null && !IsToken68End(value,
                position))
            {
                position++;
                SkipSpaces(value, ref position);
                parameters[token] = ReadValue(value, ref position);
                continue;
            }

            if (position < value.Length && value[position] == '=' && scheme is not null)
            {
                // token68 form, e.g. "Negotiate abc==": keep it under an empty name.
                while (position < value.Length && value[position] == '=')
                {
                    position++;
                }

                parameters[string.Empty] = token;
                continue;
            }

            if (scheme is not null)
            {
                result.Add(new AuthChallenge(scheme, parameters));
                parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            }

            scheme = token;
        }

        if (scheme is not null)
        {
            result.Add(new AuthChallenge(scheme, parameters));
        }
    }

    private static bool IsToken68End(string value, int equalsPosition)
    {
        var next = equalsPosition + 1;
        while (next < value.Length && value[next] == '=')
        {
            next++;
        }

        var rest = next;
        SkipSpaces(value, ref rest);
        return next > equalsPosition + 1 && (rest >= value.Length || value[rest] == ',');
    }

    private static string ReadValue(string value, ref int position)
    {
        if (position < value.Length && value[position] == '"')
        {
            position++;
            var builder = new StringBuilder();
            while (position < value.Length && value[position] != '"')
            {
                if (value[position] == '\\' && position + 1 < value.Length)
                {
                    position++;
                }

                builder.Append(value[position]);
                position++;
            }

            position++;
            return builder.ToString();
        }

        return ReadToken(value, ref position);
    }

    private static string ReadToken(string value, ref int position)
    {
        var start = position;
        while (position < value.Length && IsTokenChar(value[position]))
        {
            position++;
        }

        return value[start..position];
    }

    private static void SkipSpaces(string value, ref int position)
    {
        while (position < value.Length && value[position] is ' ' or '\t')
        {
            position++;
        }
    }

    private static void SkipSeparators(string value, ref int position)
    {
        while (position < value.Length && value[position] is ' ' or '\t' or ',')
        {
            position++;
        }
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~/:".Contains(c, StringComparison.Ordinal);
}
