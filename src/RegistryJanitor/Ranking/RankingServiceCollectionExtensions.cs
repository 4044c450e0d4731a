using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Analysis;
using RegistryJanitor.Commands;
using RegistryJanitor.Core.Costs;
using RegistryJanitor.Core.Ranking;
using RegistryJanitor.Jobs;
using RegistryJanitor.Replicas;
using RegistryJanitor.Storage.Ranking;

namespace RegistryJanitor.Ranking;

/// <summary>Registers the ranking stage.</summary>
public static class RankingServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RankingService"/>, its evidence loader and run writer, the <c>rank</c> command, and
    /// <see cref="RankJob"/> on its cron schedule plus, unless switched off, after every successful layer analysis.
    /// Options: section <c>Ranking</c> (<see cref="RankingOptions"/>) and <c>Ranking:Job</c>
    /// (<see cref="RankingJobOptions"/>). Prices come from section <c>Pricing</c>;
    /// it is bound here only when no other stage has bound it, so a later cost registration stays the only one.
    /// Needs the <c>NpgsqlDataSource</c> of the foundation.
    /// </summary>
    public static IServiceCollection AddRanking(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RankingOptions>()
            .Bind(configuration.GetSection(RankingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(IConfigureOptions<PricingOptions>)))
        {
            services.AddOptions<PricingOptions>().Bind(configuration.GetSection(PricingOptions.SectionName));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ImageAnalysisLoader>();
        services.TryAddSingleton<ImageEvidenceLoader>();
        services.TryAddSingleton<RankingRunWriter>();
        services.TryAddSingleton<RankingService>();
        services.AddCommand<RankCommand>();

        services.AddOptions<RankingJobOptions>()
            .Bind(configuration.GetSection(RankingJobOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddTransient<RankJob>();
        var jobOptions = new RankingJobOptions();
        configuration.GetSection(RankingJobOptions.SectionName).Bind(jobOptions);
        services.AddScheduledJobs(quartz =>
        {
            quartz.ScheduleJob<RankJob>(
                trigger => trigger.WithIdentity("rank-daily", "ranking").WithCronSchedule(jobOptions.Schedule),
                job => job.WithIdentity(RankJob.Key).WithDescription("Ranking of every registry's images"));
            if (jobOptions.AfterAnalysis)
            {
                quartz.AddJobListener<RankAfterAnalysisListener>(
                    GroupMatcher<JobKey>.GroupEquals(AnalyzeJob.KeyFor(string.Empty).Group),
                    GroupMatcher<JobKey>.GroupEquals(AnalysisBatchKeys.Group));
            }
        });
        return services;
    }
}
