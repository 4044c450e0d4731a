using System.Text;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Core.Model;
using Xunit;
using static RegistryJanitor.Core.Tests.Manifests.ManifestJsonSamples;

namespace RegistryJanitor.Core.Tests.Manifests;

public sealed class ManifestClassifierTests
{
    [Theory]
    [InlineData(MediaTypes.OciConfig, MediaTypes.OciLayerGzip, null, ManifestKind.Image)]
    [InlineData(MediaTypes.DockerConfig, MediaTypes.DockerLayerGzip, null, ManifestKind.Image)]
    [InlineData(MediaTypes.BuildKitCacheConfig, MediaTypes.OciLayerGzip, null, ManifestKind.BuildCache)]
    [InlineData(MediaTypes.HelmConfig, "application/vnd.cncf.helm.chart.content.v1.tar+gzip", null,
        ManifestKind.HelmChart)]
    [InlineData(MediaTypes.DockerAttestationConfig, MediaTypes.InToto, null, ManifestKind.Attestation)]
    [InlineData(MediaTypes.OciEmpty, MediaTypes.InToto, MediaTypes.DockerAttestationManifest, ManifestKind.Attestation)]
    [InlineData(MediaTypes.OciConfig, MediaTypes.CosignSimpleSigning, null, ManifestKind.Signature)]
    [InlineData(MediaTypes.OciConfig, "text/spdx+json", null, ManifestKind.Sbom)]
    [InlineData(MediaTypes.OciConfig, MediaTypes.DsseEnvelope, null, ManifestKind.Attestation)]
    [InlineData(MediaTypes.OciConfig, MediaTypes.InToto, null, ManifestKind.Attestation)]
    [InlineData(MediaTypes.OciEmpty, MediaTypes.SigstoreBundle, MediaTypes.SigstoreBundle, ManifestKind.Signature)]
    [InlineData(MediaTypes.OciEmpty, "application/json", MediaTypes.NotarySignature, ManifestKind.Signature)]
    [InlineData(MediaTypes.OciEmpty, "application/json", "application/vnd.example.thing", ManifestKind.Artifact)]
    [InlineData("application/vnd.cncf.flux.config.v1+json", "application/json", null, ManifestKind.Artifact)]
    public void Classify_ImageManifest_ArtifactTypeThenConfigTypeDecide(
        string configType, string layerType, string? artifactType, ManifestKind expected)
    {
        var manifest = Parse(Image(configType, layerType, artifactType));

        Assert.Equal(expected, ManifestClassifier.Classify(manifest));
    }

    [Fact]
    public void Classify_ManifestReachedThroughAttestationEntry_IsAttestation()
    {
        var index = Parse(Index(
            Entry(MediaTypes.OciManifest, D1, "{\"os\":\"linux\",\"architecture\":\"amd64\"}"),
            Entry(MediaTypes.OciManifest, D2, "{\"os\":\"unknown\",\"architecture\":\"unknown\"}",
                "{\"vnd.docker.reference.type\":\"attestation-manifest\",\"vnd.docker.reference.digest\":\"" + D1 + "\"}")));
        var child = Parse(Image(MediaTypes.OciConfig, MediaTypes.OciLayerGzip));

        Assert.Equal(ManifestKind.Index, ManifestClassifier.Classify(index));
        Assert.Equal(ManifestKind.Image, ManifestClassifier.Classify(child, index.Manifests[0]));
        Assert.Equal(ManifestKind.Attestation, ManifestClassifier.Classify(child, index.Manifests[1]));
    }

    [Fact]
    public void Classify_IndexOfLayersWithCacheConfig_IsBuildCache()
    {
        var index = Parse(Index(
            Entry(MediaTypes.OciLayerGzip, D1),
            Entry(MediaTypes.BuildKitCacheConfig, D2)));

        Assert.Equal(ManifestKind.BuildCache, ManifestClassifier.Classify(index));
        Assert.False(ManifestClassifier.IsManifestEntry(index.Manifests[0]));
    }

    [Fact]
    public void Classify_ReferrersFallbackIndex_IsArtifact()
    {
        var index = Parse(Index(Entry(MediaTypes.OciManifest, D1, artifactType: MediaTypes.SigstoreBundle)));

        Assert.Equal(ManifestKind.Artifact, ManifestClassifier.Classify(index));
    }

    private static ManifestDocument Parse(string json) =>
        ManifestParser.Parse(Encoding.UTF8.GetBytes(json), null);
}
