using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using RegistryJanitor.Registries.Aws;
using Xunit;

namespace RegistryJanitor.Core.Tests.Cloud;

/// <summary>
/// Vectors from the AWS Signature Version 4 test suite
/// (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html), as republished in aws/aws-sdk-js-v3
/// packages/signature-v4/src/suite.fixture.ts: credentials AKIDEXAMPLE /
/// wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY, region us-east-1, service "service", 2015-08-30T12:36:00Z.
/// </summary>
public sealed class SigV4SignerTests
{
    private const string SuiteSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly ImmutableCredentials SuiteCredentials = new("AKIDEXAMPLE", SuiteSecret, null);
    private static readonly DateTimeOffset SuiteTime = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);

    [Fact]
    public void Sign_GetVanilla_ProducesPublishedAuthorization()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        SigV4Signer.Sign(request, [], SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            Authorization(request));
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public void Sign_GetVanillaQueryOrderKeyCase_SortsQueryAndProducesPublishedAuthorization()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, "https://example.amazonaws.com/?Param2=value2&Param1=value1");

        SigV4Signer.Sign(request, [], SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, "
            + "Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500",
            Authorization(request));
    }

    [Fact]
    public void Sign_PostXWwwFormUrlencoded_SignsContentTypeAndBody()
    {
        var body = Encoding.UTF8.GetBytes("Param1=value1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        SigV4Signer.Sign(request, body, SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, "
            + "Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a",
            Authorization(request));
    }

    [Fact]
    public void Sign_EcrJsonPostWithSessionToken_MatchesSignatureComputedFromThePublishedAlgorithm()
    {
        const string token = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN/with+chars==";
        const string json = """{"repositoryName":"team/app","maxResults":100}""";
        var body = Encoding.UTF8.GetBytes(json);
        var credentials = new ImmutableCredentials("ASIAEXAMPLEKEYID", SuiteSecret, token);
        var signedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.ecr.us-east-1.amazonaws.com/");
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", "AmazonEC2ContainerRegistry_V20150921.DescribeImages");

        SigV4Signer.Sign(request, body, credentials, "us-east-1", "ecr", signedAt);

        // Independent computation: canonical request, string to sign and key derivation written out by hand.
        var canonicalRequest = string.Join('\n',
            "POST",
            "/",
            string.Empty,
            "content-type:application/x-amz-json-1.1",
            "host:api.ecr.us-east-1.amazonaws.com",
            "x-amz-date:20240101T000000Z",
            "x-amz-security-token:" + token,
            "x-amz-target:AmazonEC2ContainerRegistry_V20150921.DescribeImages",
            string.Empty,
            "content-type;host;x-amz-date;x-amz-security-token;x-amz-target",
            Hex(SHA256.HashData(body)));
        var stringToSign = string.Join('\n',
            "AWS4-HMAC-SHA256",
            "20240101T000000Z",
            "20240101/us-east-1/ecr/aws4_request",
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + SuiteSecret), "20240101");
        key = Hmac(key, "us-east-1");
        key = Hmac(key, "ecr");
        key = Hmac(key, "aws4_request");
        var expectedSignature = Hex(Hmac(key, stringToSign));

        Assert.Equal(canonicalRequest, SigV4Signer.BuildCanonicalRequest(request, body));
        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEKEYID/20240101/us-east-1/ecr/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target, "
            + "Signature=" + expectedSignature,
            Authorization(request));
        Assert.Equal(token, request.Headers.GetValues("X-Amz-Security-Token").Single());
    }

    [Fact]
    public void Sign_SignedTwice_ReplacesDateAndAuthorizationInsteadOfAppending()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        SigV4Signer.Sign(request, [], SuiteCredentials, "us-east-1", "service", SuiteTime.AddDays(-1));
        SigV4Signer.Sign(request, [], SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.Single(request.Headers.GetValues("Authorization"));
        Assert.Equal("20150830T123600Z", request.Headers.GetValues("X-Amz-Date").Single());
        Assert.EndsWith("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Authorization(request));
    }

    private static string Authorization(HttpRequestMessage request) =>
        request.Headers.GetValues("Authorization").Single();

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
