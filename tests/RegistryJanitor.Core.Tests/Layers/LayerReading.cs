using Microsoft.Extensions.Options;
using RegistryJanitor.Core.Layers;
using RegistryJanitor.Core.Model;
using RegistryJanitor.Registries.Layers;
using Xunit;

namespace RegistryJanitor.Core.Tests.Layers;

/// <summary>Runs blobs through the real streaming reader.</summary>
internal static class LayerReading
{
    public const string Gzip = MediaTypes.OciLayerGzip;
    public const string Zstd = MediaTypes.OciLayerZstd;
    public const string Tar = MediaTypes.OciLayerTar;

    public static LayerStreamReader Reader(LayerReaderOptions? options = null, TimeProvider? time = null) =>
        new(Options.Create(options ?? new LayerReaderOptions()), time ?? TimeProvider.System);

    public static LayerIndex Read(byte[] blob, string mediaType, LayerReaderOptions? options = null)
    {
        using var stream = new MemoryStream(blob, writable: false);
        return Reader(options).Read(stream, Digest.Sha256Of(blob), blob.Length, mediaType, CancellationToken.None);
    }

    public static LayerIndex ReadGzip(LayerBuilder layer) => Read(LayerBuilder.Gzip(layer.ToTar()), Gzip);

    public static ImageAnalysis Analyze(params LayerBuilder[] layers) =>
        ImageAnalyzer.Analyze(layers.Select(ReadGzip).ToList());

    public static LayerRejectionReason Rejection(Action read)
    {
        var exception = Assert.Throws<LayerRejectedException>(read);
        return exception.Reason;
    }
}
