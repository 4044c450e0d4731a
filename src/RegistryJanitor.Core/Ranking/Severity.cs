namespace RegistryJanitor.Core.Ranking;

/// <summary>How much a finding matters, lowest first.</summary>
public enum Severity
{
    Info,
    Low,
    Medium,
    High,
}
