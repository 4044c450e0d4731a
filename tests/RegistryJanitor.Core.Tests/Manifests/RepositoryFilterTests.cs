using RegistryJanitor.Core.Scanning;
using Xunit;

namespace RegistryJanitor.Core.Tests.Manifests;

public sealed class RepositoryFilterTests
{
    [Theory]
    [InlineData("team/*", "team/app", true)]
    [InlineData("team/*", "team/app/sub", false)]
    [InlineData("team/**", "team/app/sub", true)]
    [InlineData("**/cache", "a/b/cache", true)]
    [InlineData("**/cache", "cache", true)]
    [InlineData("app?", "app1", true)]
    [InlineData("app?", "app12", false)]
    public void Matches_Include_FollowsGlobRules(string pattern, string repository, bool expected)
    {
        var filter = new RepositoryFilter([pattern], []);

        Assert.Equal(expected, filter.Matches(repository));
    }

    [Fact]
    public void Matches_ExcludeAfterInclude_ExclusionWins()
    {
        var filter = new RepositoryFilter(["team/**"], ["team/legacy-*"]);

        Assert.True(filter.Matches("team/api"));
        Assert.False(filter.Matches("team/legacy-web"));
        Assert.False(filter.Matches("other/api"));
    }

    [Fact]
    public void Matches_NoPatterns_IncludesEverything()
    {
        Assert.True(new RepositoryFilter([], []).Matches("any/thing.x"));
    }
}
