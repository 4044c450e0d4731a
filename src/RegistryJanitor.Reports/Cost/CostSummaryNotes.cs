using RegistryJanitor.Reports.Xlsx;

namespace RegistryJanitor.Reports.Cost;

/// <summary>The "How to read this" note at the bottom of the cost Summary.</summary>
internal static class CostSummaryNotes
{
    public static readonly IReadOnlyList<string> Lines =
    [
        "Every cost of this month is a formula over the prices on the Assumptions sheet: edit a price there and "
            + "every total follows.",
        "Logical bytes count each tag's image in full; stored bytes count each distinct blob once per registry "
            + "plus the manifests, which is what the registry holds and bills.",
        "Registry storage cost applies included storage and daily fees. Repository, image and dead-weight costs "
            + "are showback at the list price; images use amortized bytes (a shared layer is split over its images).",
        "Egress cost is egress GiB times the price for where that registry's pulls come from; the Pull source "
            + "column says whether pulls were measured (provider metric, registry events) or assumed.",
        "Previous month and history are the figures stored at the time and do not follow price edits; they are "
            + "blank in the first month on record. This month prices the stored bytes of its last snapshot day for "
            + "the whole month, a past month is the sum of its daily snapshots: the two compare like with like when "
            + "the daily cost job ran every day.",
        "Repositories without a team are listed as unallocated, never dropped.",
    ];

    public static void Write(SheetXmlWriter sheet, int firstRow)
    {
        sheet.StartRow(firstRow);
        sheet.Text(1, "How to read this", style: CellStyle.Label);
        sheet.EndRow();
        for (var i = 0; i < Lines.Count; i++)
        {
            sheet.StartRow(firstRow + 1 + i);
            sheet.Text(1, Lines[i]);
            sheet.EndRow();
        }
    }
}
