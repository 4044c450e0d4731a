namespace RegistryJanitor.Core.Ranking;

/// <summary>One piece of evidence behind a finding. Never holds file contents or environment values.</summary>
/// <param name="Detail">What was seen, e.g. the history step text or a category name.</param>
/// <param name="Layer">Zero-based layer index, when the evidence sits in one layer.</param>
/// <param name="HistoryStep">Zero-based index into the config history, when a build step is the evidence.</param>
/// <param name="Path">A file path in the image, when a file is the evidence.</param>
/// <param name="Bytes">Bytes involved, 0 when not a size.</param>
public sealed record FindingEvidence(string Detail, int? Layer, int? HistoryStep, string? Path, long Bytes);
