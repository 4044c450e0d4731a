using RegistryJanitor.Registries.Cloud;
using Xunit;

namespace RegistryJanitor.Core.Tests.Cloud;

public sealed class LinkHeaderTests
{
    [Fact]
    public void Next_RelativeLinkWithOrderBy_ResolvesAgainstRequestAndKeepsQuery()
    {
        using var request = new HttpRequestMessage(
            HttpMethod.Get, "https://reg.azurecr.io/acr/v1/app/_manifests?n=2&orderby=timedesc");
        using var response = new HttpResponseMessage { RequestMessage = request };
        response.Headers.TryAddWithoutValidation(
            "Link", "</acr/v1/app/_manifests?last=sha256:abc&n=2&orderby=timedesc>; rel=\"next\"");

        var next = LinkHeader.Next(response);

        Assert.Equal(
            new Uri("https://reg.azurecr.io/acr/v1/app/_manifests?last=sha256:abc&n=2&orderby=timedesc"), next);
    }

    [Fact]
    public void Next_NoLinkOrOtherRel_ReturnsNull()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://reg.azurecr.io/acr/v1/_catalog");
        using var withoutLink = new HttpResponseMessage { RequestMessage = request };
        using var previousOnly = new HttpResponseMessage { RequestMessage = request };
        previousOnly.Headers.TryAddWithoutValidation("Link", "</acr/v1/_catalog?last=a>; rel=\"prev\"");

        Assert.Null(LinkHeader.Next(withoutLink));
        Assert.Null(LinkHeader.Next(previousOnly));
    }
}
