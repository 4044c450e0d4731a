using Microsoft.Extensions.Options;

namespace RegistryJanitor.Options;

/// <summary>Registers options the way every section of the product is registered.</summary>
public static class OptionsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="sectionPath"/> (empty: the configuration root) and
    /// validates its DataAnnotations at start, reporting failures with their configuration path. Add an
    /// <see cref="IValidateOptions{TOptions}"/> singleton beside it for rules that span several settings.
    /// </summary>
    /// <example><code>services.AddValidatedOptions&lt;ScanOptions&gt;(configuration,
    /// ScanOptions.SectionName);</code></example>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(
        this IServiceCollection services, IConfiguration configuration, string sectionPath)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sectionPath);

        services.AddSingleton<IValidateOptions<TOptions>>(new DataAnnotationsPathValidator<TOptions>(sectionPath));
        return services.AddOptions<TOptions>()
            .Bind(sectionPath.Length == 0 ? configuration : configuration.GetSection(sectionPath))
            .ValidateOnStart();
    }
}
