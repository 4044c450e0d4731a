using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using RegistryJanitor.Core.Model;

namespace RegistryJanitor.Demo;

/// <summary>Turns <see cref="DemoImage"/>s and the artifacts around them into config, manifest and index JSON and
/// pushes them with <see cref="OciPusher"/>.</summary>
internal sealed class DemoImageWriter(OciPusher pusher)
{
    private const string DockerLayer = MediaTypes.DockerLayerGzip;

    /// <summary>Pushes the layers, config and manifest of <paramref name="image"/>; tags it when
    /// <paramref name="tag"/> is given, else pushes it by digest only (untagged).</summary>
    public async Task<PushedManifest> PushImageAsync(
        string repository, DemoImage image, string? tag, CancellationToken cancellationToken)
    {
        var layerType = image.DockerMediaTypes ? DockerLayer : MediaTypes.OciLayerGzip;
        var layers = new JsonArray();
        foreach (var layer in image.Layers)
        {
            await pusher.PushBlobAsync(repository, layer.Digest, layer.Blob, cancellationToken);
            layers.Add(Descriptor(layerType, layer.Digest, layer.Blob.Length));
        }

        var config = JsonSerializer.SerializeToUtf8Bytes(Config(image));
        var configDigest = DigestOf(config);
        await pusher.PushBlobAsync(repository, configDigest, config, cancellationToken);
        var configType = image.DockerMediaTypes ? MediaTypes.DockerConfig : MediaTypes.OciConfig;
        var manifestType = image.DockerMediaTypes ? MediaTypes.DockerManifest : MediaTypes.OciManifest;
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = manifestType,
            ["config"] = Descriptor(configType, configDigest, config.Length),
            ["layers"] = layers,
        };
        return await PutAsync(repository, tag, manifestType, manifest, cancellationToken);
    }

    /// <summary>A BuildKit attestation manifest (in-toto SBOM and provenance) for <paramref name="subject"/>.</summary>
    public async Task<PushedManifest> PushAttestationAsync(
        string repository, PushedManifest subject, CancellationToken cancellationToken)
    {
        var layers = new JsonArray();
        var diffIds = new JsonArray();
        foreach (var (predicate, name) in new[]
            { ("https://spdx.dev/Document", "sbom"), ("https://slsa.dev/provenance/v0.2", "provenance") })
        {
            var statement = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
            {
                ["_type"] = "https://in-toto.io/Statement/v0.1",
                ["predicateType"] = predicate,
                ["subject"] = new JsonArray(new JsonObject { ["name"] = "demo-" + name, ["digest"] =
                    new JsonObject { ["sha256"] = subject.Digest["sha256:".Length..] } }),
                ["predicate"] = new JsonObject { ["note"] = "RegistryJanitor demo content" },
            });
            var digest = DigestOf(statement);
            await pusher.PushBlobAsync(repository, digest, statement, cancellationToken);
            var layer = Descriptor(MediaTypes.InToto, digest, statement.Length);
            layer["annotations"] = new JsonObject { ["in-toto.io/predicate-type"] = predicate };
            layers.Add(layer);
            diffIds.Add(digest);
        }

        var config = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["architecture"] = "unknown",
            ["os"] = "unknown",
            ["config"] = new JsonObject(),
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
        });
        var configDigest = DigestOf(config);
        await pusher.PushBlobAsync(repository, configDigest, config, cancellationToken);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = Descriptor(MediaTypes.OciConfig, configDigest, config.Length),
            ["layers"] = layers,
        };
        return await PutAsync(repository, null, MediaTypes.OciManifest, manifest, cancellationToken);
    }

    /// <summary>A multi-arch index over <paramref name="images"/>, each followed by its attestation entry.</summary>
    public Task<PushedManifest> PushIndexAsync(
        string repository, string tag, IReadOnlyList<(PushedManifest Image, string Architecture,
            PushedManifest Attestation)> images, CancellationToken cancellationToken)
    {
        var entries = new JsonArray();
        foreach (var (image, architecture, attestation) in images)
        {
            var entry = Descriptor(image.MediaType, image.Digest, image.Size);
            entry["platform"] = new JsonObject { ["architecture"] = architecture, ["os"] = "linux" };
            entries.Add(entry);
        }

        foreach (var (image, _, attestation) in images)
        {
            var entry = Descriptor(attestation.MediaType, attestation.Digest, attestation.Size);
            entry["platform"] = new JsonObject { ["architecture"] = "unknown", ["os"] = "unknown" };
            entry["annotations"] = new JsonObject
            {
                ["vnd.docker.reference.digest"] = image.Digest,
                ["vnd.docker.reference.type"] = "attestation-manifest",
            };
            entries.Add(entry);
        }

        var index = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciIndex,
            ["manifests"] = entries,
        };
        return PutAsync(repository, tag, MediaTypes.OciIndex, index, cancellationToken);
    }

    /// <summary>A cosign-style signature under the tag <c>sha256-HEX.sig</c> of <paramref name="subject"/>.</summary>
    public async Task<PushedManifest> PushSignatureAsync(
        string repository, PushedManifest subject, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["critical"] = new JsonObject
            {
                ["identity"] = new JsonObject { ["docker-reference"] = repository },
                ["image"] = new JsonObject { ["docker-manifest-digest"] = subject.Digest },
                ["type"] = "cosign container image signature",
            },
            ["optional"] = new JsonObject { ["note"] = "RegistryJanitor demo content, not a real signature" },
        });
        var payloadDigest = DigestOf(payload);
        await pusher.PushBlobAsync(repository, payloadDigest, payload, cancellationToken);
        var config = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["architecture"] = string.Empty,
            ["os"] = string.Empty,
            ["config"] = new JsonObject(),
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(payloadDigest) },
        });
        var configDigest = DigestOf(config);
        await pusher.PushBlobAsync(repository, configDigest, config, cancellationToken);
        var layer = Descriptor(MediaTypes.CosignSimpleSigning, payloadDigest, payload.Length);
        // The base64 of "demo-not-a-signature": the scanner classifies by media type, nobody verifies it.
        layer["annotations"] = new JsonObject
        {
            ["dev.cosignproject.cosign/signature"] = "ZGVtby1ub3QtYS1zaWduYXR1cmU=",
        };
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = Descriptor(MediaTypes.OciConfig, configDigest, config.Length),
            ["layers"] = new JsonArray(layer),
        };
        var tag = "sha256-" + subject.Digest["sha256:".Length..] + ".sig";
        return await PutAsync(repository, tag, MediaTypes.OciManifest, manifest, cancellationToken);
    }

    /// <summary>
    /// A BuildKit registry cache export (<c>image-manifest=true</c>) holding <paramref name="layers"/>.
    /// </summary>
    public async Task<PushedManifest> PushBuildCacheAsync(
        string repository, string tag, IReadOnlyList<DemoLayer> layers, CancellationToken cancellationToken)
    {
        var descriptors = new JsonArray();
        var cacheLayers = new JsonArray();
        foreach (var layer in layers)
        {
            await pusher.PushBlobAsync(repository, layer.Digest, layer.Blob, cancellationToken);
            descriptors.Add(Descriptor(MediaTypes.OciLayerGzip, layer.Digest, layer.Blob.Length));
            cacheLayers.Add(new JsonObject { ["blob"] = layer.Digest, ["parent"] = cacheLayers.Count - 1 });
        }

        var config = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["layers"] = cacheLayers });
        var configDigest = DigestOf(config);
        await pusher.PushBlobAsync(repository, configDigest, config, cancellationToken);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = Descriptor(MediaTypes.BuildKitCacheConfig, configDigest, config.Length),
            ["layers"] = descriptors,
        };
        return await PutAsync(repository, tag, MediaTypes.OciManifest, manifest, cancellationToken);
    }

    private async Task<PushedManifest> PutAsync(
        string repository, string? tag, string mediaType, JsonObject manifest, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest);
        var digest = DigestOf(bytes);
        await pusher.PutManifestAsync(repository, tag ?? digest, mediaType, bytes, cancellationToken);
        return new PushedManifest(digest, bytes.Length, mediaType);
    }

    private static JsonObject Config(DemoImage image)
    {
        var history = new JsonArray();
        var diffIds = new JsonArray();
        foreach (var step in image.Steps)
        {
            var entry = new JsonObject { ["created"] = image.Created.ToString("O"), ["created_by"] = step.CreatedBy };
            if (step.Layer is null)
            {
                entry["empty_layer"] = true;
            }
            else
            {
                diffIds.Add(step.Layer.DiffId);
            }

            history.Add(entry);
        }

        var config = new JsonObject
        {
            ["User"] = image.User,
            ["Env"] = new JsonArray([.. image.Env.Select(e => (JsonNode)e)]),
            ["Cmd"] = new JsonArray([.. image.Cmd.Select(c => (JsonNode)c)]),
            ["Labels"] = new JsonObject(image.Labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value))),
        };
        if (image.Healthcheck)
        {
            config["Healthcheck"] = new JsonObject
            {
                ["Test"] = new JsonArray("CMD", "/app/healthcheck"),
                ["Interval"] = 30_000_000_000L,
            };
        }

        return new JsonObject
        {
            ["created"] = image.Created.ToString("O"),
            ["architecture"] = image.Architecture,
            ["os"] = "linux",
            ["config"] = config,
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
            ["history"] = history,
        };
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    private static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));
}
