using RegistryJanitor.Registries.Auth;
using Xunit;

namespace RegistryJanitor.Core.Tests.Registries;

public sealed class WwwAuthenticateParserTests
{
    [Fact]
    public void Parse_BearerWithQuotedCommaInScope_KeepsTheWholeScope()
    {
        var header = "Bearer realm=\"https://auth.example/token\",service=\"registry.example\","
            + "scope=\"repository:team/app:pull,push\"";

        var challenges = WwwAuthenticateParser.Parse([header]);

        var challenge = Assert.Single(challenges);
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.example/token", challenge.Realm);
        Assert.Equal("registry.example", challenge.Service);
        Assert.Equal("repository:team/app:pull,push", challenge.Scope);
    }

    [Fact]
    public void Parse_SeveralChallengesInOneValue_ReturnsEachWithItsParameters()
    {
        var header = "Basic realm=\"harbor\", Bearer realm=\"https://a/token\",service=\"a\",error=\"insufficient_scope\"";

        var challenges = WwwAuthenticateParser.Parse([header]);

        Assert.Equal(2, challenges.Count);
        Assert.True(challenges[0].IsBasic);
        Assert.Equal("harbor", challenges[0].Realm);
        Assert.True(challenges[1].IsBearer);
        Assert.Equal("insufficient_scope", challenges[1].Error);
        Assert.Equal("a", challenges[1].Service);
    }

    [Fact]
    public void Parse_SeveralHeaderLines_ReturnsAllChallenges()
    {
        var challenges = WwwAuthenticateParser.Parse(
            ["Basic realm=\"x\"", "Bearer realm=\"https://gitlab.example/jwt/auth\",service=\"container_registry\""]);

        Assert.Equal(["Basic", "Bearer"], challenges.Select(c => c.Scheme));
        Assert.Null(challenges[1].Scope);
    }

    [Fact]
    public void Parse_ScopeWithHostAndPortAndEscapedQuote_IsReadVerbatim()
    {
        var header = "Bearer realm=\"https://r/t\",scope=\"repository:localhost:5000/app:pull\",x=\"a\\\"b\"";

        var challenge = Assert.Single(WwwAuthenticateParser.Parse([header]));

        Assert.Equal("repository:localhost:5000/app:pull", challenge.Scope);
        Assert.Equal("a\"b", challenge.Parameter("x"));
        Assert.Null(challenge.Service);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",,,")]
    [InlineData("\"unterminated")]
    [InlineData("Bearer realm=")]
    public void Parse_MalformedHeader_DoesNotThrowOrLoop(string header)
    {
        var challenges = WwwAuthenticateParser.Parse([header]);

        Assert.All(challenges, c => Assert.False(string.IsNullOrEmpty(c.Scheme)));
    }
}
