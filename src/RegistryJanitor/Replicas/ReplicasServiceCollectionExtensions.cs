using Microsoft.Extensions.DependencyInjection.Extensions;
using RegistryJanitor.Storage.Replicas;

namespace RegistryJanitor.Replicas;

/// <summary>Registers the sharing of scheduled scans between replicas.</summary>
public static class ReplicasServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="SharedScanCoordinator"/> (used by the scheduled scan job when
    /// <see cref="ReplicaOptions.BatchSize"/> &gt; 0), the work-item job <see cref="ScanBatchJob"/> and its store,
    /// and their layer-analysis counterparts <see cref="SharedAnalysisCoordinator"/> and
    /// <see cref="AnalysisBatchJob"/> (which need the analysis registration's runner). Options: section
    /// <c>Replicas</c>. Called by the scanner's registration.
    /// </summary>
    public static IServiceCollection AddReplicas(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReplicaOptions>()
            .Bind(configuration.GetSection(ReplicaOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScanBatchStore>();
        services.TryAddSingleton<SharedScanCoordinator>();
        services.TryAddTransient<ScanBatchJob>();
        services.TryAddSingleton<AnalysisBatchStore>();
        services.TryAddSingleton<SharedAnalysisCoordinator>();
        services.TryAddTransient<AnalysisBatchJob>();
        return services;
    }
}
