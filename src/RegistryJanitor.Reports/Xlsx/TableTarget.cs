using DocumentFormat.OpenXml.Packaging;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Where <see cref="TableWriter"/> writes a table: the streaming sheet, the table part and its name.</summary>
internal sealed record TableTarget
{
    public required SheetXmlWriter Sheet { get; init; }

    public required string SheetName { get; init; }

    public required TableDefinitionPart Part { get; init; }

    public required uint TableId { get; init; }

    /// <summary>Table name (letters, digits, underscores), unique in the workbook.</summary>
    public required string TableName { get; init; }

    public int HeaderRow { get; init; } = 1;
}
