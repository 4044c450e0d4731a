using RegistryJanitor.Registries.Http;
using Xunit;

namespace RegistryJanitor.Core.Tests.Registries;

public sealed class LinkHeaderTests
{
    private static readonly Uri Request = new("https://acr.example/v2/_catalog?n=2");

    [Fact]
    public void Next_RelativeLink_ResolvesAgainstTheRequest()
    {
        var next = LinkHeader.Next(["</v2/_catalog?last=b&n=2&orderby=>; rel=\"next\""], Request);

        Assert.Equal("https://acr.example/v2/_catalog?last=b&n=2&orderby=", next?.AbsoluteUri);
    }

    [Fact]
    public void Next_AbsoluteLinkAmongOthers_PicksTheNextRelation()
    {
        var header = "<https://other.example/prev>; rel=\"prev\", <https://other.example/v2/x/tags/list?next_page=abc>; rel=next";

        var next = LinkHeader.Next([header], Request);

        Assert.Equal("https://other.example/v2/x/tags/list?next_page=abc", next?.AbsoluteUri);
    }

    [Fact]
    public void Next_NoNextRelation_IsNull()
    {
        Assert.Null(LinkHeader.Next(["</v2/_catalog?last=a>; rel=\"prev\""], Request));
        Assert.Null(LinkHeader.Next([], Request));
    }
}
