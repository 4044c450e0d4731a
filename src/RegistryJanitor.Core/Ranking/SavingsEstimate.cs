namespace RegistryJanitor.Core.Ranking;

/// <summary>What fixing an image would save, in bytes and in money per month, with its assumptions.</summary>
/// <param name="DeadWeightBytes">Package caches, leaked context and docs, compressed estimate.</param>
/// <param name="HiddenBytes">Bytes hidden by later layers, compressed estimate.</param>
/// <param name="ToolchainBytes">Compilers, headers and development packages, compressed estimate.</param>
/// <param name="BaseSwapBytes">Base bytes above the reference size of the recommended base.</param>
/// <param name="RemovableBytes">The sum, capped at the image's layer bytes: bytes one pull no longer moves.</param>
/// <param name="StorageBytesSaved">Removable bytes times the retained tags.</param>
/// <param name="StorageMoneyPerMonth">Storage saved priced at the profile's marginal price.</param>
/// <param name="EgressMoneyPerMonth">Expected pulls times removable bytes priced by pull source.</param>
/// <param name="Profile">The pricing profile used.</param>
/// <param name="Assumptions">Every assumption the figures rest on, in words.</param>
/// <param name="Confidence">Low without layer analysis; lowered again when pulls are assumed.</param>
public sealed record SavingsEstimate(
    long DeadWeightBytes,
    long HiddenBytes,
    long ToolchainBytes,
    long BaseSwapBytes,
    long RemovableBytes,
    long StorageBytesSaved,
    decimal StorageMoneyPerMonth,
    decimal EgressMoneyPerMonth,
    string Profile,
    IReadOnlyList<string> Assumptions,
    Confidence Confidence)
{
    public decimal MoneyPerMonth => StorageMoneyPerMonth + EgressMoneyPerMonth;

    /// <summary>Nothing to save (artifacts and images that are not ranked).</summary>
    public static SavingsEstimate Zero(string profile) =>
        new(0, 0, 0, 0, 0, 0, 0m, 0m, profile, [], Confidence.High);
}
