namespace RegistryJanitor.Core.Ranking;

/// <summary>How far a classification or estimate rests on direct evidence rather than assumptions.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}
