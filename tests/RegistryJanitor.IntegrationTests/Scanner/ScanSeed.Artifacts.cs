using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>Signatures, SBOMs, attestations, build caches, a Helm chart and a referrer with its fallback tag.</summary>
public sealed partial class ScanSeed
{
    private async Task SeedArtifactsAsync(IImageLayer sharedBase, CancellationToken cancellationToken)
    {
        var signedRepository = Repository(SimpleRepositories + 5);
        var signed = await SimpleImage(signedRepository, 99, 1, sharedBase, out var signedConfig)
            .PushAsync("signed", cancellationToken);
        AddImage(signed, "image", signedConfig);
        AddTag(signedRepository, "signed", signed);
        foreach (var (artifact, kind) in new[]
        {
            (await builder.Cosign.SignAsync(signed, cancellationToken), "signature"),
            (await builder.Cosign.AttachSbomAsync(signed, cancellationToken), "sbom"),
            (await builder.Cosign.AttestAsync(signed, cancellationToken), "attestation"),
        })
        {
            AddImage(artifact, kind, null);
            AddTag(signedRepository, artifact.Tag!, artifact);
        }

        var cacheLayers = new[]
        {
            TestLayer.Create(l => l.File("/cache/a", "cache a")),
            TestLayer.Create(l => l.File("/cache/b", "cache b")),
        };
        var cacheRepository = Repository(SimpleRepositories + 6);
        var cacheImage = await builder.BuildCache.PushImageManifestFormAsync(
            cacheRepository, "cache", cacheLayers, cancellationToken);
        AddImage(cacheImage, "build_cache", null);
        AddTag(cacheRepository, "cache", cacheImage);
        var cacheIndex = await builder.BuildCache.PushIndexFormAsync(
            cacheRepository, "cache-index", cacheLayers, cancellationToken);
        var layerPosition = 0;
        var cacheBlobs = cacheIndex.Manifests
            .Select(m => m.MediaType == MediaTypes.BuildKitCacheConfig
                ? Blob("config", 0, new PushedBlob(m.Digest, m.Size, m.MediaType))
                : Blob("layer", layerPosition++, new PushedBlob(m.Digest, m.Size, m.MediaType)))
            .ToList();
        AddIndex(cacheIndex, "build_cache", cacheBlobs);
        AddTag(cacheRepository, "cache-index", cacheIndex);

        var helmRepository = Repository(SimpleRepositories + 7);
        var chart = await builder.Helm.PushAsync(helmRepository, "webapp", "1.2.3+build4", cancellationToken);
        AddImage(chart, "helm_chart", null);
        AddTag(helmRepository, chart.Tag!, chart);

        var referredRepository = Repository(SimpleRepositories + 8);
        var subject = await builder.Image(referredRepository).Layer(l => l.File("/r", "referred"))
            .PushAsync("main", cancellationToken);
        AddImage(subject, "image", PlatformConfig(subject));
        AddTag(referredRepository, "main", subject);
        var bundle = await builder.Referrers.PushSigstoreBundleAsync(subject, cancellationToken);
        var fallback = await builder.Referrers.WriteFallbackIndexAsync(subject, cancellationToken);
        AddImage(bundle, "signature", null);
        AddIndex(fallback, "artifact", []);
        AddTag(referredRepository, fallback.Tag!, fallback);

        var lastRepository = Repository(SimpleRepositories + 9);
        var zstd = await builder.Image(lastRepository).Compression(LayerCompression.Zstd)
            .Layer(sharedBase).Layer(l => l.FileOfSize("/data/blob.bin", 70_000, seed: 7))
            .PushAsync("zstd", cancellationToken);
        AddImage(zstd, "image", PlatformConfig(zstd));
        AddTag(lastRepository, "zstd", zstd);
    }
}
