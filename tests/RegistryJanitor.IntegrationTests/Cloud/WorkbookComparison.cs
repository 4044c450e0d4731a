using RegistryJanitor.IntegrationTests.Reports;
using Xunit;

namespace RegistryJanitor.IntegrationTests.Cloud;

/// <summary>
/// Compares a generic scan's workbook with a provider scan's: every data row of the table sheets, cell by cell
/// (value and formula), apart from the columns named as provider facts, which the tests check on their own; and
/// every cell of the summary and assumption sheets.
/// </summary>
internal static class WorkbookComparison
{
    /// <summary>Registries sheet columns of the storage the provider bills.</summary>
    public static readonly string[] BilledStorageColumns =
    [
        "Billed storage bytes (provider)",
        "Billed storage GiB (provider)",
        "Billed minus stored GiB (provider)",
    ];

    /// <summary>Cost workbook sheets and the columns whose figures come from the provider.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> CostSheets = new Dictionary<string, string[]>
    {
        ["Registries"] = ["Provider", .. BilledStorageColumns],
        ["Teams"] = [],
        ["Repositories"] = [],
        ["Images"] = ["Pushed", "Pushed source", "Last pull"],
        ["Shared layers"] = [],
        ["Dead weight"] = ["Age days", "Pushed", "Last pulled", "Detail"],
    };

    /// <summary>
    /// Optimization workbook sheets; none has a provider column. Progress is left out: it lists last month's
    /// ranking, which neither run has.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> OptimizationSheets = new Dictionary<string, string[]>
    {
        ["Ranked"] = [],
        ["Findings"] = [],
        ["Decision matrix"] = [],
        ["Retention"] = [],
        ["Fixes"] = [],
    };

    /// <summary>
    /// Asserts that each of <paramref name="sheets"/> has rows in the generic workbook and the same rows, in any
    /// order, in the provider workbook once the provider columns are left out.
    /// </summary>
    public static void AssertSameRows(
        string genericPath, string providerPath, IReadOnlyDictionary<string, string[]> sheets)
    {
        using var generic = new WorkbookReadback(genericPath);
        using var provider = new WorkbookReadback(providerPath);
        foreach (var (sheet, providerColumns) in sheets)
        {
            var genericRows = Normalised(generic, sheet, providerColumns);
            var providerRows = Normalised(provider, sheet, providerColumns);

            Assert.True(genericRows.Count > 0, $"{sheet}: the generic workbook has no rows to compare");
            Assert.Equal(generic.Headers(sheet, TableName(generic, sheet)),
                provider.Headers(sheet, TableName(provider, sheet)));
            Assert.Equal(genericRows, providerRows);
        }
    }

    /// <summary>
    /// Asserts that each of <paramref name="sheets"/> (a sheet of label and formula cells, not a table) holds the
    /// same cells in both workbooks, apart from the line saying when the workbook was generated.
    /// </summary>
    public static void AssertSameCells(string genericPath, string providerPath, params string[] sheets)
    {
        using var generic = new WorkbookReadback(genericPath);
        using var provider = new WorkbookReadback(providerPath);
        foreach (var sheet in sheets)
        {
            Assert.Equal(Cells(generic, sheet), Cells(provider, sheet));
        }
    }

    /// <summary>The data rows of <paramref name="sheet"/> by <paramref name="key"/>.</summary>
    public static Dictionary<string, Dictionary<string, ReadCell>> RowsBy(
        string path, string sheet, Func<Dictionary<string, ReadCell>, string> key)
    {
        using var workbook = new WorkbookReadback(path);
        return SheetTable.Rows(workbook, sheet).ToDictionary(key, StringComparer.Ordinal);
    }

    /// <summary>Rows as lines of <c>Header=value [formula]</c> cells, provider columns left out, sorted.</summary>
    private static List<string> Normalised(WorkbookReadback workbook, string sheet, string[] providerColumns) =>
        [.. SheetTable.Rows(workbook, sheet)
            .Select(row => string.Join(" | ", row.Where(cell => !providerColumns.Contains(cell.Key)).Select(Render)))
            .Order(StringComparer.Ordinal)];

    private static List<string> Cells(WorkbookReadback workbook, string sheet) =>
        [.. workbook.Cells(sheet)
            .Where(cell => cell.Value.Value?.StartsWith("Generated ", StringComparison.Ordinal) != true)
            .Select(Render)
            .Order(StringComparer.Ordinal)];

    /// <summary>A cell as <c>header-or-reference=value [formula]</c>.</summary>
    private static string Render(KeyValuePair<string, ReadCell> cell) =>
        $"{cell.Key}={cell.Value.Value}" + (cell.Value.Formula is null ? string.Empty : $" [{cell.Value.Formula}]");

    private static string TableName(WorkbookReadback workbook, string sheet) =>
        workbook.SheetPart(sheet).TableDefinitionParts.Single().Table.Name!.Value!;
}
