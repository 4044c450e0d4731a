using System.Text.RegularExpressions;

namespace RegistryJanitor.Registries.Cloud;

/// <summary>Reads the <c>rel="next"</c> target of a <c>Link</c> header, resolved against the request URI.</summary>
internal static partial class LinkHeader
{
    public static Uri? Next(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            var match = NextLink().Match(value);
            if (match.Success && response.RequestMessage?.RequestUri is { } requestUri)
            {
                return Uri.TryCreate(requestUri, match.Groups["target"].Value, out var next) ? next : null;
            }
        }

        return null;
    }

    [GeneratedRegex("""<(?<target>[^>]*)>\s*;\s*rel="?next"?""", RegexOptions.IgnoreCase)]
    private static partial Regex NextLink();
}
