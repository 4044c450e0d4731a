namespace RegistryJanitor.Core.Ranking;

/// <summary>Whether a finding was observed, or the evidence needed to decide is missing.</summary>
public enum FindingStatus
{
    /// <summary>The evidence shows the problem.</summary>
    Present,

    /// <summary>The image cannot tell (for example layer contents were not analysed).</summary>
    Unknown,
}
