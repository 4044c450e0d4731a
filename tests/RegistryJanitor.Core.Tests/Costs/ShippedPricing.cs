using System.Text.Json;
using System.Text.Json.Serialization;
using RegistryJanitor.Core.Costs;

namespace RegistryJanitor.Core.Tests.Costs;

/// <summary>Reads the <c>Pricing</c> section of the shipped appsettings.json.</summary>
internal static class ShippedPricing
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        Converters = { new JsonStringEnumConverter() },
    };

    public static PricingOptions Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var section = document.RootElement.GetProperty(PricingOptions.SectionName);
        return section.Deserialize<PricingOptions>(JsonOptions)
            ?? throw new InvalidOperationException("The Pricing section is empty.");
    }
}
