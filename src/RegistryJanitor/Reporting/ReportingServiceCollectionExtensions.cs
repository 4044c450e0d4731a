using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Jobs;
using RegistryJanitor.Reports;
using RegistryJanitor.Reporting;
using RegistryJanitor.Storage.Reports;
using RegistryJanitor.Storage.Reports.Retention;

namespace RegistryJanitor;

/// <summary>Registers the monthly reports: the workbook writer, the loaders, the command and the job.</summary>
public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ReportOptions"/> (<c>Reports</c>) and <see cref="ReportJobOptions"/> (<c>ReportJob</c>),
    /// validated at start, the loaders reading PostgreSQL, the <c>report</c> command, the monthly job and the
    /// daily retention simulation job (policies from <c>Retention</c>). Binds
    /// <see cref="PricingOptions"/> (<c>Pricing</c>) too unless the cost model already did.
    /// </summary>
    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddRegistryJanitorReports(configuration);
        services.AddOptions<ReportJobOptions>()
            .Bind(configuration.GetSection(ReportJobOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IConfigureOptions<PricingOptions>)))
        {
            services.AddOptions<PricingOptions>().Bind(configuration.GetSection(PricingOptions.SectionName));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CostReportLoader>();
        services.TryAddSingleton<OptimizationReportLoader>();
        services.TryAddSingleton<ReportRunStore>();
        services.TryAddSingleton<RetentionInventoryReader>();
        services.TryAddSingleton<RetentionSimulationRunner>();
        services.TryAddSingleton<MonthlyReportGenerator>();
        services.AddCommand<ReportCommand>();

        var section = configuration.GetSection(ReportJobOptions.SectionName);
        var schedule = section[nameof(ReportJobOptions.Schedule)] ?? new ReportJobOptions().Schedule;
        var retentionSchedule = section[nameof(ReportJobOptions.RetentionSchedule)]
            ?? new ReportJobOptions().RetentionSchedule;
        services.AddScheduledJobs(quartz =>
        {
            quartz.ScheduleJob<MonthlyReportJob>(
                trigger => trigger.WithIdentity("monthly-report", "reports").WithCronSchedule(schedule),
                job => job.WithIdentity(MonthlyReportJob.Key));
            quartz.ScheduleJob<RetentionSimulationJob>(
                trigger => trigger.WithIdentity("retention-simulation", "reports").WithCronSchedule(retentionSchedule),
                job => job.WithIdentity(RetentionSimulationJob.Key));
        });
        return services;
    }
}
