namespace RegistryJanitor.Registries.Http;

/// <summary>Reads the <c>rel="next"</c> target of a <c>Link</c> header (RFC 8288), relative or absolute.</summary>
public static class LinkHeader
{
    /// <summary>The next-page URI resolved against <paramref name="requestUri"/>, or null when there is none.</summary>
    public static Uri? Next(IEnumerable<string> headerValues, Uri requestUri)
    {
        ArgumentNullException.ThrowIfNull(headerValues);
        ArgumentNullException.ThrowIfNull(requestUri);
        foreach (var value in headerValues)
        {
            foreach (var link in SplitLinks(value))
            {
                var open = link.IndexOf('<', StringComparison.Ordinal);
                var close = link.IndexOf('>', StringComparison.Ordinal);
                if (open < 0 || close <= open)
                {
                    continue;
                }

                var parameters = link[(close + 1)..];
                if (!IsNext(parameters))
                {
                    continue;
                }

                var target = link[(open + 1)..close].Trim();
                return Uri.TryCreate(requestUri, target, out var resolved) ? resolved : null;
            }
        }

        return null;
    }

    private static bool IsNext(string parameters)
    {
        foreach (var parameter in parameters.Split(';', StringSplitOptions.TrimEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0 || !parameter[..equals].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var relations = parameter[(equals + 1)..].Trim().Trim('"');
            return relations.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Any(r => r.Equals("next", StringComparison.OrdinalIgnoreCase));
        }

        return false;
    }

    private static IEnumerable<string> SplitLinks(string value)
    {
        // Commas separate links but may also appear inside <...> or quoted strings.
        var start = 0;
        var inAngle = false;
        var inQuote = false;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '<' when !inQuote:
                    inAngle = true;
                    break;
                case '>' when !inQuote:
                    inAngle = false;
                    break;
                case '"' when !inAngle:
                    inQuote = !inQuote;
                    break;
                case ',' when !inAngle && !inQuote:
                    yield return value[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return value[start..];
    }
}
