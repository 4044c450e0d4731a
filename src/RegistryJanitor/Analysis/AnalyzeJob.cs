using Microsoft.Extensions.Options;
using Quartz;
using RegistryJanitor.Replicas;
using RegistryJanitor.Scanning;

namespace RegistryJanitor.Analysis;

/// <summary>
/// The analysis of one registry (job data <see cref="RegistryKey"/>), started by
/// <see cref="AnalyzeAfterScanListener"/> when a scan of that registry succeeds. With
/// <see cref="SharedAnalysisCoordinator.Enabled"/> it only opens the run and enqueues its work items, which every
/// replica then takes part in. An execution that completed the analysis sets its <see cref="AnalysisSummary"/> as
/// the job's result.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AnalyzeJob : IJob
{
    /// <summary>The job data key holding the registry name.</summary>
    public const string RegistryKey = "registry";

    private readonly LayerAnalysisRunner runner;
    private readonly ScanRegistries registries;
    private readonly AnalysisRegistries settings;
    private readonly AnalysisOptions options;
    private readonly SharedAnalysisCoordinator coordinator;
    private readonly ILogger<AnalyzeJob> logger;

    public AnalyzeJob(
        LayerAnalysisRunner runner, ScanRegistries registries, AnalysisRegistries settings,
        IOptions<AnalysisOptions> options, SharedAnalysisCoordinator coordinator, ILogger<AnalyzeJob> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.runner = runner;
        this.coordinator = coordinator;
        this.registries = registries;
        this.settings = settings;
        this.options = options.Value;
        this.logger = logger;
    }

    /// <summary>The job key of the analysis of <paramref name="registry"/> (group <c>analysis</c>).</summary>
    public static JobKey KeyFor(string registry) => new($"analyze-{registry}", "analysis");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.MergedJobDataMap.TryGetValue(RegistryKey,
            out var value) ? value as string ?? string.Empty : string.Empty;
        var registry = registries.Find(name);
        if (registry is null)
        {
            Log.UnknownRegistry(logger, name);
            return;
        }

        var registrySettings = settings.For(registry.Name);
        if (!registrySettings.Enabled)
        {
            return;
        }

        var budget = registrySettings.MaxBytes ?? options.MaxBytes;
        var summary = coordinator.Enabled
            ? await coordinator.StartAsync(registry, budget, context.Scheduler, cancellationToken)
            : await runner.RunAsync(registry, budget, null, cancellationToken);
        if (summary?.Status == AnalysisSummary.Failed)
        {
            throw new JobExecutionException($"Analysis of registry '{name}' failed: {summary.Error}");
        }

        context.Result = summary;
    }
}
