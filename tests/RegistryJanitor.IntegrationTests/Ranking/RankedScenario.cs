using RegistryJanitor.IntegrationTests.Support.Images;

namespace RegistryJanitor.IntegrationTests.Ranking;

/// <summary>
/// A test image pushed for one scenario, with the byte counts the test itself put into it, so the expected
/// savings are computed from what was built rather than read back from the product.
/// </summary>
/// <param name="Image">The pushed image the ranking should pick for its repository.</param>
/// <param name="DeadWeightBytes">Visible file bytes in dead-weight paths other than toolchains.</param>
/// <param name="HiddenBytes">File bytes a later layer deletes.</param>
/// <param name="ToolchainBytes">Visible compiler, header and static-library bytes.</param>
/// <param name="RetainedTags">Image tags in the repository.</param>
/// <param name="Lean">True for the image built to need no change (no base swap).</param>
public sealed record RankedScenario(
    PushedImage Image,
    long DeadWeightBytes,
    long HiddenBytes,
    long ToolchainBytes,
    int RetainedTags,
    bool Lean)
{
    public string Repository => Image.Repository;

    /// <summary>Removable bytes per pull as the product brief defines them, from the built sizes.</summary>
    public long ExpectedRemovableBytes(long referenceBaseBytes)
    {
        var layerBytes = Image.Layers.Sum(layer => layer.Size);
        var ratio = Math.Min(1m, (decimal)layerBytes / Image.Layers.Sum(layer => layer.UncompressedSize));
        long Scale(long bytes) => (long)Math.Round(bytes * ratio);
        var baseSwap = Lean ? 0 : Math.Max(0, Image.Layers[0].Size - referenceBaseBytes);
        return Math.Min(
            layerBytes, Scale(DeadWeightBytes) + Scale(HiddenBytes) + Scale(ToolchainBytes) + baseSwap);
    }

    /// <summary>Storage money per month of the removable bytes over every retained tag (no pulls recorded).</summary>
    public decimal ExpectedMoney(long referenceBaseBytes, decimal pricePerGbMonth) =>
        ExpectedRemovableBytes(referenceBaseBytes) * RetainedTags * 1m / (1L << 30) * pricePerGbMonth;
}
