using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>One line of the Summary totals block: this month as a formula, the previous month as stored.</summary>
internal sealed record SummaryFigure(string Label, string Formula, double Current, double? Previous, CellStyle Style);
