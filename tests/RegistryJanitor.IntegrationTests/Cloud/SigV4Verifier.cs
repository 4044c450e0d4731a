using System.Security.Cryptography;
using System.Text;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// Server-side SigV4 check for the fakes, written from the published algorithm (canonical request, string to
/// sign, HMAC key chain) and independent of the product's signer: the fake accepts only what AWS would accept.
/// </summary>
public static class SigV4Verifier
{
    public static bool Verify(RecordedRequest request, string accessKey, string secret, string region, string service)
    {
        var authorization = request.Header("Authorization");
        var date = request.Header("X-Amz-Date");
        if (authorization is null || date is null || date.Length != 16)
        {
            return false;
        }

        var parts = authorization.Replace("AWS4-HMAC-SHA256 ", "", StringComparison.Ordinal)
            .Split(", ")
            .Select(part => part.Split('=', 2))
            .ToDictionary(part => part[0], part => part.ElementAtOrDefault(1) ?? "", StringComparer.Ordinal);
        var scope = $"{date[..8]}/{region}/{service}/aws4_request";
        if (!parts.TryGetValue("Credential", out var credential) || credential != $"{accessKey}/{scope}"
            || !parts.TryGetValue("SignedHeaders", out var signedHeaders)
            || !parts.TryGetValue("Signature", out var signature))
        {
            return false;
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date"))
        {
            return false;
        }

        var canonicalHeaders = string.Concat(names.Select(name => $"{name}:{request.Header(name)?.Trim()}\n"));
        var canonicalRequest = string.Join('\n',
            request.Method, request.Path, request.Query.TrimStart('?'), canonicalHeaders, signedHeaders,
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))));
        var stringToSign = string.Join('\n',
            "AWS4-HMAC-SHA256", date, scope, Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Encoding.UTF8.GetBytes("AWS4" + secret);
        foreach (var part in new[] { date[..8], region, service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign))) == signature;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
