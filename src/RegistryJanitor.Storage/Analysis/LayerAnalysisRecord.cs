using RegistryJanitor.Core.Layers;

namespace RegistryJanitor.Storage.Analysis;

/// <summary>The outcome of reading one layer blob, as stored in <c>layer_analyses</c>.</summary>
/// <param name="BlobId">The blob's <c>blobs.id</c>.</param>
/// <param name="Status"><c>analysed</c>, <c>rejected</c> or <c>skipped</c>.</param>
/// <param name="Index">The index read; set when analysed only.</param>
/// <param name="RejectionReason">Stable reason name; set when rejected only.</param>
/// <param name="RejectionMessage">What went wrong, for people.</param>
public sealed record LayerAnalysisRecord(
    long BlobId, string Status, LayerIndex? Index, string? RejectionReason, string? RejectionMessage)
{
    public const string Analysed = "analysed";
    public const string Rejected = "rejected";
    public const string Skipped = "skipped";
}
