namespace RegistryJanitor.Storage.Reports;

/// <summary>Images and savings of one scenario in a ranking run.</summary>
internal sealed record ScenarioTotalsRow
{
    public string Scenario { get; init; } = string.Empty;
    public int Images { get; init; }
    public long SavingsBytes { get; init; }
    public double SavingsPerMonth { get; init; }
}
