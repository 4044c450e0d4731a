using System.Text;

namespace RegistryJanitor.Reports.Xlsx;

/// <summary>
/// The one place where any string (registry names, tags, labels, paths, evidence, and our own labels) becomes a
/// cell value.
/// </summary>
/// <remarks>
/// The result is always written as a string cell (<c>t="s"</c>) with the Text number format, so no reader
/// evaluates it on open. A value that starts with a character spreadsheets read as the start of a formula
/// (<c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab, carriage return, line feed) additionally gets the quote-prefix
/// style: Excel and LibreOffice then keep it as text even when a user opens the cell and presses Enter.
/// We deliberately do not put an apostrophe into the value itself: the cell must hold exactly the name stored
/// in PostgreSQL so lookups, pivots and the read-back tests match; the quote prefix lives in the style.
/// Characters XML cannot carry are replaced by U+FFFD and values are cut at Excel's 32,767-character limit.
/// </remarks>
internal static class CellText
{
    /// <summary>Excel's maximum number of characters in one cell.</summary>
    public const int MaxLength = 32_767;

    public static SafeCellText Prepare(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return new SafeCellText(string.Empty, NeedsQuotePrefix: false);
        }

        var value = ReplaceInvalidXmlCharacters(raw);
        if (value.Length > MaxLength)
        {
            var cut = char.IsHighSurrogate(value[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            value = value[..cut];
        }

        return new SafeCellText(value, StartsLikeFormula(value));
    }

    public static bool StartsLikeFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    private static string ReplaceInvalidXmlCharacters(string raw)
    {
        var firstInvalid = IndexOfInvalid(raw, 0);
        if (firstInvalid < 0)
        {
            return raw;
        }

        var builder = new StringBuilder(raw.Length);
        builder.Append(raw, 0, firstInvalid);
        for (var i = firstInvalid; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                builder.Append(c).Append(raw[i + 1]);
                i++;
            }
            else
            {
                builder.Append(IsValidSingle(c) ? c : '\uFFFD');
            }
        }

        return builder.ToString();
    }

    private static int IndexOfInvalid(string raw, int start)
    {
        for (var i = start; i < raw.Length; i++)
        {
            var c = raw[i];
            if (char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]))
            {
                i++;
                continue;
            }

            if (!IsValidSingle(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsValidSingle(char c) =>
        c is '\t' or '\n' or '\r'
        || (c >= '\u0020' && c <= '\uD7FF')
        || (c >= '\uE000' && c <= '\uFFFD');
}
