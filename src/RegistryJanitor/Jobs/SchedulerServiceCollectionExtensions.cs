using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Options;

namespace RegistryJanitor.Jobs;

/// <summary>Registers the clustered Quartz scheduler and lets features add their jobs.</summary>
public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// Adds the scheduler: Quartz's ADO job store on PostgreSQL (the <c>qrtz_*</c> tables), clustered across the
    /// replicas sharing <c>Scheduler:Name</c>, job data as System.Text.Json; job history in <c>job_runs</c>.
    /// </summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddValidatedOptions<SchedulerOptions>(configuration, SchedulerOptions.SectionName);
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SchedulerOptions>, SchedulerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<JobMetrics>();
        services.TryAddSingleton<SchedulerState>();

        // Quartz takes its settings at registration; the same values are validated before anything starts, so an
        // unusable value here only has to avoid throwing (the defaults stand in until validation reports it).
        var options = configuration.GetSection(SchedulerOptions.SectionName).Get<SchedulerOptions>() ?? new();
        var defaults = new SchedulerOptions();
        var cleanupSchedule = CronSchedules.IsValid(options.JobHistoryCleanupSchedule)
            ? options.JobHistoryCleanupSchedule
            : defaults.JobHistoryCleanupSchedule;

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = options.Name;
                scheduler.ShutdownJobInterruption = ShutdownJobInterruption.WhenWaitingForJobs;
                scheduler.IdleWaitTime = options.IdleWaitTime >= TimeSpan.FromSeconds(1)
                    ? options.IdleWaitTime
                    : defaults.IdleWaitTime;
            });
            quartz.UseDefaultThreadPool(Math.Clamp(options.MaxConcurrentJobs, 1, 64));

            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(dataSource => dataSource.UseRegisteredDataSource = true);
                store.UseClustering(cluster => cluster.CheckinInterval = options.ClusterCheckinInterval);
                store.UseSystemTextJsonSerializer();
                store.ConfigureStore(jobStore => jobStore.MisfireThreshold = options.MisfireThreshold);
            });
            quartz.AddJobListener<JobRunRecorder>([GroupMatcher<JobKey>.AnyGroup()]);

            quartz.AddJob<JobHistoryCleanupJob>(job => job
                .WithIdentity(JobHistoryCleanupJob.Key)
                .WithDescription("Deletes job_runs rows older than Scheduler:JobHistoryRetention")
                .StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .ForJob(JobHistoryCleanupJob.Key)
                .WithIdentity(JobHistoryCleanupJob.Key.Name, JobHistoryCleanupJob.Key.Group)
                .WithCronSchedule(cleanupSchedule));
        });
        services.AddHostedService<SchedulerHostedService>();
        return services;
    }

    /// <summary>
    /// Adds jobs and triggers of a feature to the scheduler, with Quartz's own builder. Call it from the feature's
    /// <c>AddXxx(services, configuration)</c>; the order against <see cref="AddScheduler"/> does not matter.
    /// </summary>
    /// <example>
    /// <code>
    /// services.AddScheduledJobs(quartz =&gt; quartz.ScheduleJob&lt;ScanJob&gt;(
    ///     trigger =&gt; trigger.WithIdentity("scan-main").WithCronSchedule("0 0 2 * * ?"),
    ///     job =&gt; job.WithIdentity("scan", "scanner")));
    /// </code>
    /// Jobs that pass a token on to everything they await stop cleanly at shutdown; jobs that must not run twice
    /// at once carry <see cref="DisallowConcurrentExecutionAttribute"/>. Every job run is logged, counted on
    /// <c>/metrics</c> and written to <c>job_runs</c> without further code.
    /// </example>
    public static IServiceCollection AddScheduledJobs(
        this IServiceCollection services, Action<IQuartzBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.ConfigureAllQuartzSchedulers(configure);
    }
}
