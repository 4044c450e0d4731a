namespace RegistryJanitor.Core.Ranking;

/// <summary>The decision-matrix row of an image, with the reasons and how sure the rules are.</summary>
public sealed record Classification(
    ScenarioRow Row,
    Confidence Confidence,
    IReadOnlyList<string> Reasons,
    EcosystemDetection Ecosystem,
    OsFamily OsFamily);
