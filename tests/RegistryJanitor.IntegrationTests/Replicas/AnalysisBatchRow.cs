namespace RegistryJanitor.IntegrationTests.Replicas;

/// <summary>An <c>analysis_batches</c> row.</summary>
/// <remarks>
/// Properties rather than a positional record: Dapper hands a text[] column to constructors as System.Array.
/// </remarks>
internal sealed class AnalysisBatchRow
{
    public int BatchNo { get; set; }

    public string[] LayerDigests { get; set; } = [];

    public string? FinishedBy { get; set; }

    public int LayersRead { get; set; }
}
