using System.Text.Json.Nodes;
using RegistryJanitor.Core.Configuration;
using RegistryJanitor.Registries.Ecr;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>ImageDetail entries (botocore ECR shape) and provider options pointing at the fakes.</summary>
public static class EcrTestData
{
    public static JsonObject Image(
        string digest,
        string[] tags,
        long size,
        double pushedAt,
        double? lastPulledAt = null,
        string mediaType = "application/vnd.oci.image.manifest.v1+json",
        string? subject = null,
        string? status = null)
    {
        var image = new JsonObject
        {
            ["registryId"] = "123456789012",
            ["repositoryName"] = "app",
            ["imageDigest"] = digest,
            ["imageTags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()),
            ["imageSizeInBytes"] = size,
            ["imagePushedAt"] = pushedAt,
            ["imageManifestMediaType"] = mediaType,
            ["artifactMediaType"] = "application/vnd.oci.image.config.v1+json",
        };
        if (lastPulledAt is not null)
        {
            image["lastRecordedPullTime"] = lastPulledAt;
        }

        if (subject is not null)
        {
            image["subjectManifestDigest"] = subject;
        }

        if (status is not null)
        {
            image["imageStatus"] = status;
        }

        return image;
    }

    /// <summary>
    /// The ImageDetail ECR lists for <paramref name="manifest"/>; an index has no <c>artifactMediaType</c>.
    /// </summary>
    public static JsonObject Listed(ProviderListedManifest manifest, DateTimeOffset? lastPulledAt)
    {
        var image = Image(manifest.Digest, manifest.Tags, manifest.Size, manifest.PushedAt.ToUnixTimeSeconds(),
            lastPulledAt?.ToUnixTimeSeconds(), manifest.MediaType, manifest.Subject);
        if (manifest.ConfigMediaType is null)
        {
            image.Remove("artifactMediaType");
        }
        else
        {
            image["artifactMediaType"] = manifest.ArtifactType ?? manifest.ConfigMediaType;
        }

        return image;
    }

    public static RegistryOptions Options(FakeEcrServer ecr, Uri registry, int pageSize = 1000)
    {
        var options = new RegistryOptions { Name = "ecr-test", Provider = RegistryProvider.Ecr, Url = registry };
        options.Settings[EcrSettings.RegionKey] = "us-east-1";
        options.Settings[EcrSettings.RegistryIdKey] = "123456789012";
        options.Settings[EcrSettings.EndpointKey] = ecr.BaseUri.ToString();
        options.Settings[EcrSettings.MonitoringEndpointKey] = ecr.MonitoringUri.ToString();
        options.Settings[EcrSettings.RetryBaseDelayKey] = "00:00:00.010";
        options.Settings[EcrSettings.PageSizeKey] = pageSize.ToString(
            System.Globalization.CultureInfo.InvariantCulture);
        return options;
    }
}
