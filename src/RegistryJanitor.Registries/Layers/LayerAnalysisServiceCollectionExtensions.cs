using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RegistryJanitor.Registries.Layers;

/// <summary>Registers the layer blob reader and its validated caps.</summary>
public static class LayerAnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LayerStreamReader"/> and <see cref="ParallelLayerReader"/> with
    /// <see cref="LayerReaderOptions"/> bound from <c>LayerAnalysis:Reader</c>, validated at start.
    /// </summary>
    public static IServiceCollection AddLayerAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LayerReaderOptions>()
            .Bind(configuration.GetSection(LayerReaderOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LayerStreamReader>();
        services.TryAddSingleton<ParallelLayerReader>();
        return services;
    }
}
