using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Jobs;
using RegistryJanitor.Storage.Costs;

namespace RegistryJanitor.Costs;

/// <summary>Registers the cost model: pricing options, the daily computation and its scheduled job.</summary>
public static class CostServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="PricingOptions"/> (<c>Pricing</c>) and <see cref="CostJobOptions"/> (<c>CostJob</c>), both
    /// validated at start, the <see cref="DailyCostComputation"/>, and the daily cost job on its cron schedule.
    /// </summary>
    public static IServiceCollection AddCosts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<PricingOptions>()
            .Bind(configuration.GetSection(PricingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PricingOptions>, PricingOptionsValidator>());
        services.AddOptions<CostJobOptions>()
            .Bind(configuration.GetSection(CostJobOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PullCountStore>();
        services.TryAddSingleton<DailyCostComputation>();
        services.TryAddSingleton<DailyCostRunner>();
        services.AddCommand<CostsCommand>();

        var schedule = configuration.GetSection(CostJobOptions.SectionName)[nameof(CostJobOptions.Schedule)]
            ?? new CostJobOptions().Schedule;
        services.AddScheduledJobs(quartz => quartz.ScheduleJob<DailyCostJob>(
            trigger => trigger.WithIdentity("daily-costs", "costs").WithCronSchedule(schedule),
            job => job.WithIdentity(DailyCostJob.Key)));
        return services;
    }
}
