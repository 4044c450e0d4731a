using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RegistryJanitor.Commands;
using RegistryJanitor.Endpoints;
using RegistryJanitor.Health;
using RegistryJanitor.Jobs;
using RegistryJanitor.Metrics;
using RegistryJanitor.Options;
using RegistryJanitor.Storage;

namespace RegistryJanitor;

/// <summary>
/// Registers what every deployment has: options, PostgreSQL, the scheduler, health, metrics, commands.
/// </summary>
public static class FoundationServiceCollectionExtensions
{
    /// <summary>Time the host adds to <c>Service:ShutdownGracePeriod</c> for jobs asked to cancel to unwind.</summary>
    private static readonly TimeSpan ShutdownMargin = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Adds the foundation: <c>Service</c>, <c>Registries</c>, <c>Scheduler</c>, <c>Migrations</c> and
    /// <c>ConnectionStrings</c> options (validated at start), the PostgreSQL data source and migrations runner, the
    /// clustered scheduler, the health and metrics endpoints, and the commands <c>run</c>, <c>migrate</c>,
    /// <c>healthcheck</c> and <c>config check</c>.
    /// </summary>
    public static IServiceCollection AddFoundation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<ServiceOptions>(configuration, ServiceOptions.SectionName);
        services.AddSingleton<IValidateOptions<RegistriesOptions>>(
            new DataAnnotationsPathValidator<RegistriesOptions>(sectionPath: string.Empty));
        services.AddOptions<RegistriesOptions>()
            .Configure(options => RegistriesOptions.Bind(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<RegistriesOptions>, RegistriesOptionsValidator>());
        services.AddOptions<HostOptions>().Configure<IOptions<ServiceOptions>>(
            (host, service) => host.ShutdownTimeout = service.Value.ShutdownGracePeriod + ShutdownMargin);

        services.AddStorage(configuration);
        services.AddScheduler(configuration);

        services.AddHealthChecks()
            .AddCheck<DatabaseReadinessCheck>("postgres", tags: [HealthTags.Ready])
            .AddCheck<SchedulerReadinessCheck>("scheduler", tags: [HealthTags.Ready]);
        services.AddEndpoints<HealthEndpoints>();
        services.AddSingleton<MetricsCollector>();
        services.AddEndpoints<MetricsEndpoint>();

        services.AddCommand<RunCommand>();
        services.AddCommand<MigrateCommand>();
        services.AddCommand<HealthCheckCommand>();
        services.AddCommand<ConfigCheckCommand>();
        return services;
    }
}
