using DocumentFormat.OpenXml.Packaging;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>A sheet whose place in the tab order is fixed and whose part is still to be written.</summary>
internal sealed record ReservedSheet(string Name, WorksheetPart Part);
