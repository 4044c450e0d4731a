using System.Web;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>One request a fake server received.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    /// <summary>The header value, or null when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>A form-encoded body's fields (repeated names keep every value).</summary>
    public ILookup<string, string> Form() =>
        Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToLookup(
                parts => HttpUtility.UrlDecode(parts[0]),
                parts => HttpUtility.UrlDecode(parts.ElementAtOrDefault(1) ?? ""));

    /// <summary>A query-string parameter, or null.</summary>
    public string? QueryValue(string name) => HttpUtility.ParseQueryString(Query)[name];
}
