using RegistryJanitor.Core.Configuration;

namespace RegistryJanitor.Options;

/// <summary>
/// The <c>Registries</c> list, bound from the configuration root so errors name <c>Registries:N:…</c>.
/// </summary>
public sealed class RegistriesOptions
{
    /// <summary>The configuration key of the list.</summary>
    public const string SectionName = "Registries";

    /// <summary>Every registry to scan, in configuration order. Default: none.</summary>
    public IList<RegistryOptions> Registries { get; } = [];

    /// <summary>Binds each <c>Registries:N</c> element on its own.</summary>
    /// <remarks>
    /// The configuration binder silently drops a list element it cannot convert (e.g. <c>MaxConcurrency: "abc"</c>),
    /// which would make a registry vanish without a word. Binding element by element surfaces the conversion error
    /// with its path instead.
    /// </remarks>
    public static void Bind(IConfiguration configuration, RegistriesOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var element in configuration.GetSection(SectionName).GetChildren())
        {
            var registry = new RegistryOptions();
            element.Bind(registry);
            options.Registries.Add(registry);
        }
    }
}
