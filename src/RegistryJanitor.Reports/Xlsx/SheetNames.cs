using System.Text;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>Sheet names Excel accepts, and how formulas refer to them.</summary>
internal static class SheetNames
{
    public const int MaxLength = 31;

    /// <summary>
    /// Removes the characters Excel forbids (<c>[ ] : * ? / \</c> and controls), apostrophes at either end,
    /// cuts at 31 characters, refuses the reserved name History, and never returns an empty name.
    /// </summary>
    public static string Sanitize(string? name)
    {
        var builder = new StringBuilder();
        foreach (var c in CellText.Prepare(name).Value)
        {
            if (c is '[' or ']' or ':' or '*' or '?' or '/' or '\\' || char.IsControl(c) || c == '\uFFFD')
            {
                builder.Append('_');
            }
            else
            {
                builder.Append(c);
            }
        }

        var cleaned = builder.ToString().Trim().Trim('\'').Trim();
        if (cleaned.Length > MaxLength)
        {
            cleaned = cleaned[..MaxLength].TrimEnd('\'').TrimEnd();
        }

        if (cleaned.Length == 0)
        {
            return "Sheet";
        }

        return string.Equals(cleaned, "History", StringComparison.OrdinalIgnoreCase) ? "History_" : cleaned;
    }

    /// <summary>The sheet name as a formula prefix: always quoted, inner apostrophes doubled.</summary>
    public static string Quote(string sheetName) => "'" + sheetName.Replace("'", "''", StringComparison.Ordinal) + "'";
}
