using System.Net;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Acr;
using RegistryJanitor.Registries.Aws;
using RegistryJanitor.Registries.Cloud;
using RegistryJanitor.Registries.Ecr;
using Xunit;

namespace RegistryJanitor.Core.Tests.Cloud;

public sealed class CloudProviderPartsTests
{
    private static readonly Digest Index = Digest.Sha256Of("index"u8);
    private static readonly Digest Child = Digest.Sha256Of("child"u8);
    private static readonly Digest Signature = Digest.Sha256Of("signature"u8);

    [Fact]
    public void Classify_TaggedChildReferrerAndDangling_GetTheirRoles()
    {
        var children = new HashSet<Digest> { Child };

        Assert.Equal(CloudManifestRole.Tagged, ManifestRoleClassifier.Classify(1, Index, children, null, null));
        Assert.Equal(CloudManifestRole.IndexChild, ManifestRoleClassifier.Classify(0, Child, children, null, null));
        Assert.Equal(CloudManifestRole.Referrer, ManifestRoleClassifier.Classify(0, Signature, children, Index, null));
        Assert.Equal(
            CloudManifestRole.Referrer,
            ManifestRoleClassifier.Classify(0, Signature, children, null, MediaTypes.NotarySignature));
        Assert.Equal(
            CloudManifestRole.Untagged,
            ManifestRoleClassifier.Classify(0, Signature, children, null, MediaTypes.OciConfig));
    }

    [Theory]
    [InlineData("ThrottlingException", "ThrottlingException")]
    [InlineData("com.amazonaws.ecr#RepositoryNotFoundException", "RepositoryNotFoundException")]
    [InlineData("aws.protocoltests#ns#ServerException", "ServerException")]
    public void Parse_AwsJsonError_StripsPrefixUpToHash(string type, string expected)
    {
        var (actual, message) = AwsErrorParser.Parse($$"""{"__type":"{{type}}","message":"boom"}""", null);

        Assert.Equal(expected, actual);
        Assert.Equal("boom", message);
    }

    [Fact]
    public void FromOptions_EcrHost_DerivesRegionAccountAndEndpoints()
    {
        var options = new RegistryOptions
        {
            Name = "prod",
            Provider = RegistryProvider.Ecr,
            Url = new Uri("https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"),
        };

        var settings = EcrSettings.FromOptions(options);

        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal("123456789012", settings.RegistryId);
        Assert.Equal(new Uri("https://api.ecr.eu-west-1.amazonaws.com/"), settings.Api.Url);
        Assert.Equal("ecr", settings.Api.SigningName);
        Assert.Equal(new Uri("https://monitoring.eu-west-1.amazonaws.com/"), settings.Monitoring.Url);
        Assert.Equal("monitoring", settings.Monitoring.SigningName);
    }

    [Fact]
    public void FromOptions_NonEcrHostWithoutRegion_NamesTheSetting()
    {
        var options = new RegistryOptions
        {
            Name = "fake",
            Provider = RegistryProvider.Ecr,
            Url = new Uri("http://127.0.0.1:5000"),
        };

        var exception = Assert.Throws<InvalidOperationException>(() => EcrSettings.FromOptions(options));

        Assert.Contains("Registries:fake:Settings:Region", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOptions_AcrAudienceSetting_UsesItsDefaultScope()
    {
        var options = new RegistryOptions
        {
            Name = "acr",
            Provider = RegistryProvider.Acr,
            Url = new Uri("https://r.azurecr.io"),
        };
        options.Settings[AcrSettings.AudienceKey] = "https://containerregistry.azure.net";

        var settings = AcrSettings.FromOptions(options);

        Assert.Equal("https://containerregistry.azure.net/.default", settings.AadScope);
        Assert.Equal(AcrAuthMode.EntraId, settings.Mode);
        Assert.Equal("r.azurecr.io", settings.Service);
    }

    [Fact]
    public void IsTransient_ThrottlingAnd5xx_AreTransientOthersNot()
    {
        Assert.True(
            new CloudProviderException("X", HttpStatusCode.BadRequest, "ThrottlingException", null).IsTransient);
        Assert.True(
            new CloudProviderException("X", HttpStatusCode.ServiceUnavailable, null, null).IsTransient);
        Assert.False(
            new CloudProviderException("X", HttpStatusCode.BadRequest, "InvalidParameterException", null).IsTransient);
    }
}
