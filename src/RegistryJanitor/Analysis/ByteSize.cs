using System.Globalization;

namespace RegistryJanitor.Analysis;

/// <summary>Parses sizes such as <c>500MB</c>, <c>20GiB</c>, <c>1.5G</c> or plain bytes.</summary>
public static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("TIB", 1L << 40), ("GIB", 1L << 30), ("MIB", 1L << 20), ("KIB", 1L << 10),
        ("TB", 1_000_000_000_000), ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000),
        ("T", 1L << 40), ("G", 1L << 30), ("M", 1L << 20), ("K", 1L << 10), ("B", 1),
    ];

    /// <exception cref="FormatException">Not a non-negative size.</exception>
    public static long Parse(string text, IFormatProvider? provider = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim().ToUpperInvariant();
        var factor = 1L;
        foreach (var (suffix, unit) in Units)
        {
            if (trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                trimmed = trimmed[..^suffix.Length].TrimEnd();
                factor = unit;
                break;
            }
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint, provider ?? CultureInfo.InvariantCulture,
                out var number) || number < 0 || number * factor > long.MaxValue)
        {
            throw new FormatException($"'{text}' is not a size (e.g. 500MB, 20GiB or a number of bytes).");
        }

        return (long)(number * factor);
    }
}
