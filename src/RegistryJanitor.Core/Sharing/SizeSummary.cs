namespace RegistryJanitor.Core.Sharing;

/// <summary>Logical and stored bytes of a registry or repository.</summary>
/// <param name="Scope">The registry name, or the repository name.</param>
/// <param name="LogicalBytes">Sum of image bytes over tags (what the registry would hold without sharing).</param>
/// <param name="StoredBytes">Distinct blobs once (per dedup scope) plus manifest sizes.</param>
/// <param name="Tags">Tags counted.</param>
/// <param name="Manifests">Present manifests counted.</param>
public sealed record SizeSummary(string Scope, long LogicalBytes, long StoredBytes, int Tags, int Manifests)
{
    /// <summary>Logical ÷ stored; 0 when nothing is stored.</summary>
    public decimal SharingRatio => StoredBytes == 0 ? 0m : (decimal)LogicalBytes / StoredBytes;
}
