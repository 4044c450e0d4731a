using Microsoft.Extensions.Options;
using Quartz;

namespace RegistryJanitor.Ranking;

/// <summary>
/// Ranks the images of every registry and stores the run: on the <see cref="RankingJobOptions.Schedule"/> and,
/// when <see cref="RankingJobOptions.AfterAnalysis"/> is on, after each successful layer analysis.
/// </summary>
/// <remarks>
/// A run always covers all registries, even when one registry's analysis triggered it, so the newest stored run
/// is complete and a report can compare it with last month's.
/// </remarks>
[DisallowConcurrentExecution]
public sealed class RankJob : IJob
{
    /// <summary>The job's key in the scheduler.</summary>
    public static readonly JobKey Key = new("rank", "ranking");

    private readonly RankingService service;
    private readonly IOptions<RankingJobOptions> options;

    public RankJob(RankingService service, IOptions<RankingJobOptions> options)
    {
        this.service = service;
        this.options = options;
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await service.RunAsync(null, options.Value.AllTags, null, cancellationToken);
    }
}
