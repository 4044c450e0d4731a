using System.Globalization;
using System.Text;

namespace RegistryJanitor.Metrics;

/// <summary>Names, labels and numbers in the Prometheus text exposition format (version 0.0.4).</summary>
internal static class PrometheusText
{
    /// <summary>The response content type of <c>/metrics</c>.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>
    /// The exported name of an instrument: dots and other characters Prometheus does not allow become
    /// underscores; counters end in <c>_total</c>, and a unit of seconds or bytes is spelled out.
    /// </summary>
    public static string MetricName(string instrumentName, string? unit, InstrumentKind kind)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        var suffix = unit switch
        {
            "s" => "_seconds",
            "By" => "_bytes",
            _ => string.Empty,
        };
        if (suffix.Length > 0 && !name.EndsWith(suffix, StringComparison.Ordinal))
        {
            name += suffix;
        }

        return kind == InstrumentKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal)
            ? name + "_total"
            : name;
    }

    /// <summary>A label name Prometheus accepts.</summary>
    public static string LabelName(string key) => Sanitize(key, allowColon: false);

    /// <summary>A label value escaped for the text format.</summary>
    public static string LabelValue(object? value)
    {
        var text = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
        return text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>A sample value: shortest round-trip form, or <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Help text on one line.</summary>
    public static string Help(string? description) =>
        (description ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Sanitize(string name, bool allowColon)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            var allowed = char.IsAsciiLetterOrDigit(character) || character == '_' || (allowColon && character == ':');
            builder.Append(allowed ? character : '_');
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
