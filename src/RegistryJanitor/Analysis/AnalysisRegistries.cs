using System.Globalization;

namespace RegistryJanitor.Analysis;

/// <summary>
/// Which configured registries are analysed, read from the <c>Analysis</c> sub-section of each
/// <c>Registries:N</c> element.
/// </summary>
/// <remarks>
/// Analysis is on unless a registry turns it off: a first run against a demo registry then shows dead weight and
/// hidden bytes without extra settings, and the per-run byte budget (default 20 GiB) bounds what it downloads.
/// A registry billed for egress can set <c>Analysis:Enabled</c> to false or a smaller <c>Analysis:MaxBytes</c>.
/// </remarks>
public sealed class AnalysisRegistries
{
    private readonly Dictionary<string, RegistryAnalysisSettings> settings;

    public AnalysisRegistries(IReadOnlyDictionary<string, RegistryAnalysisSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = new Dictionary<string, RegistryAnalysisSettings>(settings, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads every <c>Registries:N:Analysis</c> section; a malformed value is a start-up error.</summary>
    public static AnalysisRegistries FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var found = new Dictionary<string, RegistryAnalysisSettings>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in configuration.GetSection("Registries").GetChildren())
        {
            var name = element["Name"];
            if (string.IsNullOrWhiteSpace(name))
            {
                continue;
            }

            var section = element.GetSection("Analysis");
            var enabled = section["Enabled"] is { } text ? bool.Parse(text) : true;
            long? maxBytes = section["MaxBytes"] is { } bytes
                ? ByteSize.Parse(bytes, CultureInfo.InvariantCulture)
                : null;
            found[name] = new RegistryAnalysisSettings(enabled, maxBytes);
        }

        return new AnalysisRegistries(found);
    }

    /// <summary>The settings of <paramref name="registry"/>: enabled with the default budget when unset.</summary>
    public RegistryAnalysisSettings For(string registry) =>
        settings.TryGetValue(registry, out var found) ? found : new RegistryAnalysisSettings(true, null);
}
