using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using RegistryJanitor.Commands;
using RegistryJanitor.Events;
using RegistryJanitor.Jobs;
using RegistryJanitor.Options;
using RegistryJanitor.Registries;
using RegistryJanitor.Registries.Cloud;
using RegistryJanitor.Replicas;
using RegistryJanitor.Storage.Inventory;
using RegistryJanitor.Storage.ProviderFacts;

namespace RegistryJanitor.Scanning;

/// <summary>Registers the scanner: registry clients, inventory storage, the <c>scan</c> command and jobs.</summary>
public static class ScannerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RegistryScanner"/>, the <c>scan</c> command, one <see cref="ScanJob"/> per configured
    /// registry on its <c>Schedule</c>, the registry clients
    /// (<see cref="RegistriesServiceCollectionExtensions.AddRegistryClients"/>), the ACR and ECR providers
    /// (<see cref="CloudServiceCollectionExtensions.AddCloudProviders"/>) and the inventory readers and
    /// writers. Needs the <c>NpgsqlDataSource</c> and the <c>Registries</c> options of the foundation.
    /// Options: section <c>Scanner</c>.
    /// </summary>
    public static IServiceCollection AddScanner(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ScannerOptions>()
            .Bind(configuration.GetSection(ScannerOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // The change feed reads whether the events receiver is on; binding again where the receiver is also added
        // applies the same values twice.
        services.AddOptions<RegistryEventsOptions>()
            .Bind(configuration.GetSection(RegistryEventsOptions.SectionName));
        services.AddRegistryClients(configuration);
        services.AddReplicas(configuration);
        services.AddCloudProviders(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ScanRegistries>();
        services.TryAddSingleton<InventoryReader>();
        services.TryAddSingleton<InventoryWriter>();
        services.TryAddSingleton<ScanRunStore>();
        services.TryAddSingleton<RepositoryChangeStore>();
        services.TryAddSingleton<ChangeFeedGate>();
        services.TryAddSingleton<ProviderStatisticsStore>();
        services.TryAddSingleton<ProviderStatisticsRecorder>();
        services.TryAddSingleton<RegistryScanner>();
        services.TryAddTransient<ScanCommand>();
        services.TryAddTransient<ScanJob>();
        services.AddCommand<ScanCommand>();

        // Triggers are fixed at registration, from the same Registries list the options validate at start.
        var registries = new RegistriesOptions();
        RegistriesOptions.Bind(configuration, registries);
        services.AddScheduledJobs(quartz =>
        {
            foreach (var registry in registries.Registries.Where(r => CronSchedules.IsValid(r.Schedule)))
            {
                var jobKey = ScanJob.KeyFor(registry.Name);
                quartz.AddJob<ScanJob>(job => job
                    .WithIdentity(jobKey)
                    .WithDescription($"Scan of registry {registry.Name}")
                    .UsingJobData(ScanJob.RegistryKey, registry.Name)
                    .StoreDurably());
                quartz.AddTrigger(trigger => trigger
                    .ForJob(jobKey)
                    .WithIdentity(jobKey.Name, jobKey.Group)
                    .WithCronSchedule(registry.Schedule));
            }
        });
        return services;
    }
}
