using System.Text.Json.Nodes;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>Manifest entries in the item shape of GetManifestList.json (ManifestAttributesBase).</summary>
public static class AcrTestData
{
    public static Digest DigestOf(string name) => Digest.Sha256Of(System.Text.Encoding.UTF8.GetBytes(name));

    public static JsonObject Manifest(
        string name,
        long size,
        DateTimeOffset updated,
        string[] tags,
        string mediaType = MediaTypes.OciManifest,
        string? configMediaType = MediaTypes.OciConfig,
        string[]? children = null,
        bool deleteEnabled = true)
    {
        var item = new JsonObject
        {
            ["digest"] = DigestOf(name).ToString(),
            ["imageSize"] = size,
            ["createdTime"] = updated.AddMinutes(-1).ToString("O"),
            ["lastUpdateTime"] = updated.ToString("O"),
            ["mediaType"] = mediaType,
            ["tags"] = new JsonArray(tags.Select(t => (JsonNode)t).ToArray()),
            ["changeableAttributes"] = new JsonObject
            {
                ["deleteEnabled"] = deleteEnabled,
                ["writeEnabled"] = true,
                ["readEnabled"] = true,
                ["listEnabled"] = true,
            },
        };
        if (configMediaType is not null)
        {
            item["configMediaType"] = configMediaType;
            item["architecture"] = "amd64";
            item["os"] = "linux";
        }

        if (children is not null)
        {
            item["references"] = new JsonArray(children
                .Select(child => (JsonNode)new JsonObject
                {
                    ["digest"] = DigestOf(child).ToString(),
                    ["architecture"] = "amd64",
                    ["os"] = "linux",
                })
                .ToArray());
        }

        return item;
    }

    /// <summary>
    /// The item ACR lists for <paramref name="manifest"/>: created (pushed) at its push time, last updated an hour
    /// later as a tag change would, an index's children under <c>references</c>.
    /// </summary>
    public static JsonObject Listed(ProviderListedManifest manifest)
    {
        var item = new JsonObject
        {
            ["digest"] = manifest.Digest,
            ["imageSize"] = manifest.Size,
            ["createdTime"] = manifest.PushedAt.ToString("O"),
            ["lastUpdateTime"] = manifest.PushedAt.AddHours(1).ToString("O"),
            ["mediaType"] = manifest.MediaType,
            ["tags"] = new JsonArray(manifest.Tags.Select(t => (JsonNode)t).ToArray()),
            ["changeableAttributes"] = new JsonObject
            {
                ["deleteEnabled"] = true,
                ["writeEnabled"] = true,
                ["readEnabled"] = true,
                ["listEnabled"] = true,
            },
        };
        if (manifest.ConfigMediaType is not null)
        {
            item["configMediaType"] = manifest.ConfigMediaType;
        }

        if (manifest.Children.Count > 0)
        {
            item["references"] = new JsonArray(
                manifest.Children.Select(child => (JsonNode)new JsonObject { ["digest"] = child }).ToArray());
        }

        return item;
    }
}
