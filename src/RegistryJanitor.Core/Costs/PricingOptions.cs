using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Core.Costs;

/// <summary>The <c>Pricing</c> configuration section: profiles, registries, allocation, assumptions.</summary>
public sealed class PricingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Pricing";

    /// <summary>ISO 4217 code of every price in this section. Default <c>USD</c>.</summary>
    [Required]
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "must be a three-letter ISO 4217 code such as USD")]
    public string Currency { get; set; } = "USD";

    /// <summary>Profile used by registries without their own entry. Default <c>generic</c>.</summary>
    [Required]
    public string DefaultProfile { get; set; } = "generic";

    /// <summary>Pricing profiles by name. Defaults ship in <c>appsettings.json</c> with their sources.</summary>
    public IDictionary<string, PricingProfileOptions> Profiles { get; } =
        new Dictionary<string, PricingProfileOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Cost settings per registry name (<c>Registries[].Name</c>).</summary>
    public IDictionary<string, RegistryCostOptions> Registries { get; } =
        new Dictionary<string, RegistryCostOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Repository → team allocation rules.</summary>
    public TeamAllocationOptions Allocation { get; set; } = new();

    /// <summary>Pull assumptions, first matching pattern wins.</summary>
    public IList<PullAssumptionOptions> PullAssumptions { get; } = [];

    /// <summary>The settings of <paramref name="registry"/>, or the defaults when it has no entry.</summary>
    public RegistryCostOptions ForRegistry(string registry) =>
        Registries.TryGetValue(registry, out var options) ? options : new RegistryCostOptions();

    /// <summary>The pricing profile of <paramref name="registry"/> with its name.</summary>
    /// <exception cref="InvalidOperationException">The named profile does not exist.</exception>
    public (string Name, PricingProfileOptions Profile) ProfileFor(string registry)
    {
        var name = ForRegistry(registry).Profile ?? DefaultProfile;
        return Profiles.TryGetValue(name, out var profile)
            ? (name, profile)
            : throw new InvalidOperationException($"Pricing:Profiles has no profile named '{name}'.");
    }

    /// <summary>
    /// Rules that span fields: every referenced profile exists, pull shares of a registry add up to 1.
    /// Returns one message per failure, each naming the setting; empty when valid.
    /// </summary>
    public IReadOnlyList<string> Validate()
    {
        var failures = new List<string>();
        if (!Profiles.ContainsKey(DefaultProfile))
        {
            failures.Add($"Pricing:DefaultProfile names '{DefaultProfile}', which is not in Pricing:Profiles.");
        }

        foreach (var (name, profile) in Profiles)
        {
            if (string.IsNullOrWhiteSpace(profile.Source))
            {
                failures.Add($"Pricing:Profiles:{name}:Source must name where the prices come from.");
            }
        }

        foreach (var (registry, options) in Registries)
        {
            if (options.Profile is not null && !Profiles.ContainsKey(options.Profile))
            {
                failures.Add($"Pricing:Registries:{registry}:Profile names unknown profile '{options.Profile}'.");
            }

            var shares = options.SameRegionShare + options.CrossRegionShare + options.InternetShare;
            if (shares != 1m)
            {
                failures.Add($"Pricing:Registries:{registry}: pull shares add up to {shares}, they must add up to 1.");
            }
        }

        return failures;
    }
}
