using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>
/// Signs registry tokens the way distribution 2.8 verifies them: an RS256 JWS whose header carries the signing
/// certificate in <c>x5c</c>; the registry checks that chain against its <c>rootcertbundle</c> and then the
/// signature, issuer, audience (a single string) and exp/nbf (with 60 s leeway).
/// </summary>
internal sealed class TokenSigner : IDisposable
{
    private readonly RSA key;
    private readonly X509Certificate2 certificate;

    public TokenSigner(TimeProvider timeProvider)
    {
        key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=registryjanitor test token issuer", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyCertSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = timeProvider.GetUtcNow();
        certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
    }

    /// <summary>The certificate as PEM, for the registry's rootcertbundle.</summary>
    public string CertificatePem => certificate.ExportCertificatePem();

    /// <summary>A signed token granting <paramref name="access"/>.</summary>
    public string Sign(
        string issuer,
        string? subject,
        string audience,
        DateTimeOffset issuedAt,
        TimeSpan lifetime,
        IEnumerable<(string Type, string Name, IReadOnlyList<string> Actions)> access)
    {
        var header = Json(json =>
        {
            json.WriteString("typ", "JWT");
            json.WriteString("alg", "RS256");
            json.WriteStartArray("x5c");
            json.WriteStringValue(Convert.ToBase64String(certificate.RawData));
            json.WriteEndArray();
        });
        var claims = Json(json =>
        {
            json.WriteString("iss", issuer);
            json.WriteString("sub", subject ?? string.Empty);
            json.WriteString("aud", audience);
            json.WriteNumber("exp", (issuedAt + lifetime).ToUnixTimeSeconds());
            json.WriteNumber("nbf", issuedAt.ToUnixTimeSeconds());
            json.WriteNumber("iat", issuedAt.ToUnixTimeSeconds());
            json.WriteString("jti", Guid.NewGuid().ToString("N"));
            json.WriteStartArray("access");
            foreach (var (type, name, actions) in access)
            {
                json.WriteStartObject();
                json.WriteString("type", type);
                json.WriteString("name", name);
                json.WriteStartArray("actions");
                foreach (var action in actions)
                {
                    json.WriteStringValue(action);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });

        var signingInput = Base64Url(header) + "." + Base64Url(claims);
        var signature = key.SignData(
            Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signingInput + "." + Base64Url(signature);
    }

    public void Dispose()
    {
        certificate.Dispose();
        key.Dispose();
    }

    private static byte[] Json(Action<Utf8JsonWriter> body)
    {
        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return output.ToArray();
    }

    private static string Base64Url(byte[] bytes)
    {
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
