using System.Globalization;

namespace RegistryJanitor.IntegrationTests.Support.Host;

/// <summary>
/// The settings every scan-to-report test starts from: quick registry retries and one "test" price profile.
/// </summary>
internal static class PipelineSettings
{
    /// <summary>
    /// The common settings with <paramref name="storagePricePerGbMonth"/> as the storage list price, plus
    /// <paramref name="extra"/> (which may override any of them).
    /// </summary>
    public static Dictionary<string, string?> Create(
        double storagePricePerGbMonth, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RegistryClient:BaseDelay"] = "00:00:00.020",
            ["RegistryClient:MaxRetries"] = "3",
            ["Pricing:DefaultProfile"] = "test",
            ["Pricing:Profiles:test:Source"] = "test prices",
            ["Pricing:Profiles:test:StoragePricePerGbMonth"] =
                storagePricePerGbMonth.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[name] = value;
        }

        return settings;
    }
}
