namespace RegistryJanitor.Core.Ranking;

/// <summary>One image's place in a ranking run: classification, findings, savings and fixes.</summary>
/// <param name="Rank">1-based position; 0 for images that are not ranked (artifacts).</param>
/// <param name="Evidence">What the ranking read.</param>
/// <param name="Classification">The matrix row with reasons.</param>
/// <param name="Findings">Present and unknown findings.</param>
/// <param name="Savings">Bytes and money per month.</param>
/// <param name="Recommendations">Concrete changes, the matrix-row one first.</param>
/// <param name="SecurityScore">Tie-breaker: root 4, secret-like files 2, shell in runtime 1, summed.</param>
public sealed record RankedImage(
    int Rank,
    ImageEvidence Evidence,
    Classification Classification,
    IReadOnlyList<Finding> Findings,
    SavingsEstimate Savings,
    IReadOnlyList<Recommendation> Recommendations,
    int SecurityScore);
