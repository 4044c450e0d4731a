using System.Buffers.Text;
using System.Text;
using RegistryJanitor.Registries.Acr;
using Xunit;

namespace RegistryJanitor.Core.Tests.Cloud;

public sealed class AcrTokenPartsTests
{
    [Fact]
    public void Read_JwtWithExp_ReturnsExpiry()
    {
        var expires = new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
        var token = Jwt($$"""{"aud":"registry.azurecr.io","exp":{{expires.ToUnixTimeSeconds()}}}""");

        var actual = JwtExpiry.Read(token);

        Assert.Equal(expires, actual);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a.!!!.c")]
    public void Read_Malformed_ReturnsNull(string token)
    {
        var actual = JwtExpiry.Read(token);

        Assert.Null(actual);
    }

    [Fact]
    public void Read_ExpAsString_ReturnsNull()
    {
        var token = Jwt("""{"exp":"1700000000"}""");

        var actual = JwtExpiry.Read(token);

        Assert.Null(actual);
    }

    [Theory]
    [InlineData("/v2/_catalog", "registry:catalog:*")]
    [InlineData("/acr/v1/_catalog", "registry:catalog:*")]
    [InlineData("/v2/team/app/manifests/latest", "repository:team/app:pull")]
    [InlineData("/v2/app/blobs/sha256:abc", "repository:app:pull")]
    [InlineData("/acr/v1/team/app/_manifests", "repository:team/app:metadata_read")]
    [InlineData("/acr/v1/team/app/_tags", "repository:team/app:metadata_read")]
    [InlineData("/acr/v1/app", "repository:app:metadata_read")]
    public void ForPath_KnownPaths_ReturnScope(string path, string expected)
    {
        var actual = AcrScopes.ForPath(path);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("/v2/")]
    [InlineData("/oauth2/token")]
    public void ForPath_PathsWithoutScope_ReturnNull(string path)
    {
        var actual = AcrScopes.ForPath(path);

        Assert.Null(actual);
    }

    private static string Jwt(string payload) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"alg":"RS256","typ":"JWT"}""")) + "."
        + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + ".c2lnbmF0dXJl";
}
