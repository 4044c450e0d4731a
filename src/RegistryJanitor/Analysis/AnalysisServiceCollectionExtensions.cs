using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using RegistryJanitor.Commands;
using RegistryJanitor.Jobs;
using RegistryJanitor.Options;
using RegistryJanitor.Registries.Layers;
using RegistryJanitor.Replicas;
using RegistryJanitor.Scanning;
using RegistryJanitor.Storage.Analysis;

namespace RegistryJanitor.Analysis;

/// <summary>
/// Registers layer analysis: the reader, its stores, the <c>analyze</c> command and the after-scan job.
/// </summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="LayerAnalysisRunner"/>, the <c>analyze</c> command, one durable <see cref="AnalyzeJob"/> per
    /// registry with analysis enabled and the listener that triggers it after each successful scan. Call after
    /// <c>AddScanner</c> (it uses the registry clients and <c>ScanRegistries</c>). Options: sections
    /// <c>Analysis</c>, <c>LayerAnalysis:Reader</c> and <c>Registries:N:Analysis</c>.
    /// </summary>
    public static IServiceCollection AddLayerAnalysisRuns(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AnalysisOptions>()
            .Bind(configuration.GetSection(AnalysisOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddLayerAnalysis(configuration);
        var settings = AnalysisRegistries.FromConfiguration(configuration);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AnalysisStore>();
        services.TryAddSingleton<ImageAnalysisWriter>();
        services.TryAddSingleton<LayerAnalysisRunner>();
        services.TryAddTransient<AnalyzeCommand>();
        services.TryAddTransient<AnalyzeJob>();
        services.AddCommand<AnalyzeCommand>();

        var registries = new RegistriesOptions();
        RegistriesOptions.Bind(configuration, registries);
        services.AddScheduledJobs(quartz =>
        {
            foreach (var registry in registries.Registries.Where(r => settings.For(r.Name).Enabled))
            {
                quartz.AddJob<AnalyzeJob>(job => job
                    .WithIdentity(AnalyzeJob.KeyFor(registry.Name))
                    .WithDescription($"Layer analysis of registry {registry.Name}")
                    .UsingJobData(AnalyzeJob.RegistryKey, registry.Name)
                    .StoreDurably());
            }

            quartz.AddJobListener<AnalyzeAfterScanListener>(
                GroupMatcher<JobKey>.GroupEquals(ScanJob.KeyFor(string.Empty).Group),
                GroupMatcher<JobKey>.GroupEquals(ScanBatchKeys.Group));
        });
        return services;
    }
}
