using System.Text;

namespace RegistryJanitor.Reports;

/// <summary>File names of the monthly workbooks; anything but ASCII letters, digits, dot, dash and underscore is
/// replaced so a name can never leave the output folder or carry shell or formula characters.</summary>
public static class ReportFileNames
{
    public static string Costs(DateOnly month) => Sanitize($"registry-costs-{month:yyyy-MM}.xlsx");

    public static string Optimization(DateOnly month) => Sanitize($"registry-optimization-{month:yyyy-MM}.xlsx");

    public static string Sanitize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        var cleaned = builder.ToString().TrimStart('.', '-');
        if (cleaned.Length > 120)
        {
            cleaned = cleaned[^120..];
        }

        return cleaned.Length == 0 ? "report.xlsx" : cleaned;
    }
}
