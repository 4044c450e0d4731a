namespace RegistryJanitor.Core.Ranking;

/// <summary>One concrete change, its effort, what it fixes, and the Dockerfile (or build command) text.</summary>
/// <param name="Title">One line for a report.</param>
/// <param name="Effort">Rough effort.</param>
/// <param name="Addresses">The findings it resolves (empty for the matrix-row recommendation alone).</param>
/// <param name="Snippet">Dockerfile, .dockerignore or build-command text to apply.</param>
public sealed record Recommendation(
    string Title,
    EffortClass Effort,
    IReadOnlyList<FindingKind> Addresses,
    string Snippet);
