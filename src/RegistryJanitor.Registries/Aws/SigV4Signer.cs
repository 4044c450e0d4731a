using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace RegistryJanitor.Registries.Aws;

/// <summary>
/// Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4 in the Authorization header.
/// </summary>
/// <remarks>
/// The canonical request is built here; only the key derivation and HMAC come from AWSSDK.Core's
/// <see cref="AWS4Signer.ComputeSignature(ImmutableCredentials, string, DateTime, string, string, string)"/>,
/// which lives in an <c>Internal</c> namespace, so the package version is pinned. Signed headers are
/// <c>host</c>, <c>content-type</c> when there is a body, and every <c>x-amz-*</c> header. Path segments are
/// encoded once, as the AWS test suite expects for the non-S3 services this product calls (whose path is
/// always <c>/</c>).
/// </remarks>
internal static class SigV4Signer
{
    public const string DateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>Adds <c>X-Amz-Date</c>, the session token when present, and <c>Authorization</c>.</summary>
    /// <param name="request">The request; its URI must be absolute.</param>
    /// <param name="body">The exact body bytes that will be sent (empty for none).</param>
    /// <param name="credentials">The credentials to sign with.</param>
    /// <param name="region">The signing region, e.g. <c>us-east-1</c>.</param>
    /// <param name="service">The signing name, e.g. <c>ecr</c> or <c>monitoring</c>.</param>
    /// <param name="signedAt">The signing instant.</param>
    public static void Sign(
        HttpRequestMessage request,
        ReadOnlySpan<byte> body,
        ImmutableCredentials credentials,
        string region,
        string service,
        DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.RequestUri);
        ArgumentNullException.ThrowIfNull(credentials);

        var utc = signedAt.UtcDateTime;
        request.Headers.Remove(DateHeader);
        request.Headers.Remove(SecurityTokenHeader);
        request.Headers.Remove("Authorization");
        request.Headers.TryAddWithoutValidation(
            DateHeader, utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation(SecurityTokenHeader, credentials.Token);
        }

        var headers = CollectHeaders(request);
        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = BuildCanonicalRequest(request, headers, signedHeaders, body);

        var result = AWS4Signer.ComputeSignature(credentials, region, utc, service, signedHeaders, canonicalRequest);
        request.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>The canonical request text exactly as it is signed; exposed for tests and diagnostics.</summary>
    public static string BuildCanonicalRequest(HttpRequestMessage request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = CollectHeaders(request);
        return BuildCanonicalRequest(request, headers, string.Join(';', headers.Keys), body);
    }

    private static string BuildCanonicalRequest(
        HttpRequestMessage request,
        SortedDictionary<string, string> headers,
        string signedHeaders,
        ReadOnlySpan<byte> body)
    {
        var uri = request.RequestUri!;
        var builder = new StringBuilder();
        builder.Append(request.Method.Method).Append('\n');
        builder.Append(CanonicalPath(uri)).Append('\n');
        builder.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in headers)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n');
        builder.Append(signedHeaders).Append('\n');
        builder.Append(Convert.ToHexStringLower(SHA256.HashData(body)));
        return builder.ToString();
    }

    private static SortedDictionary<string, string> CollectHeaders(HttpRequestMessage request)
    {
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = request.Headers.Host ?? request.RequestUri!.Authority,
        };
        foreach (var header in request.Headers)
        {
            var name = header.Key.ToLowerInvariant();
            if (name.StartsWith("x-amz-", StringComparison.Ordinal))
            {
                headers[name] = string.Join(',', header.Value.Select(NormalizeValue));
            }
        }

        if (request.Content?.Headers.ContentType is { } contentType)
        {
            headers["content-type"] = NormalizeValue(contentType.ToString());
        }

        return headers;
    }

    // Trim and collapse runs of spaces, as the algorithm requires for header values.
    private static string NormalizeValue(string value) =>
        string.Join(' ', value.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string CanonicalPath(Uri uri)
    {
        var path = uri.AbsolutePath;
        if (string.IsNullOrEmpty(path))
        {
            return "/";
        }

        var segments = path.Split('/').Select(segment => Uri.EscapeDataString(Uri.UnescapeDataString(segment)));
        return string.Join('/', segments);
    }

    private static string CanonicalQuery(string query)
    {
        if (string.IsNullOrEmpty(query) || query == "?")
        {
            return string.Empty;
        }

        var pairs = query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part =>
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                var key = equals < 0 ? part : part[..equals];
                var value = equals < 0 ? string.Empty : part[(equals + 1)..];
                return (Key: Encode(key), Value: Encode(value));
            })
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ThenBy(pair => pair.Value, StringComparer.Ordinal);
        return string.Join('&', pairs.Select(pair => pair.Key + "=" + pair.Value));
    }

    private static string Encode(string component) =>
        Uri.EscapeDataString(Uri.UnescapeDataString(component.Replace('+', ' ')));
}
