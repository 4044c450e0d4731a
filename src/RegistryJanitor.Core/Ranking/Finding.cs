namespace RegistryJanitor.Core.Ranking;

/// <summary>A pitfall found in an image (or "unknown" when the image cannot tell), with its evidence.</summary>
/// <param name="Kind">Which pitfall.</param>
/// <param name="Status">Present, or unknown for lack of evidence.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Summary">One line for a report.</param>
/// <param name="Evidence">What was read from the image.</param>
public sealed record Finding(
    FindingKind Kind,
    FindingStatus Status,
    Severity Severity,
    string Summary,
    IReadOnlyList<FindingEvidence> Evidence)
{
    /// <summary>A finding whose evidence is missing; it never counts as present.</summary>
    public static Finding Unknown(FindingKind kind, string reason) =>
        new(kind, FindingStatus.Unknown, Severity.Info, reason, []);
}
