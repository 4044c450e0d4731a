using Microsoft.Extensions.Logging;
using Quartz;

namespace RegistryJanitor.Scanning;

/// <summary>
/// The scheduled scan of one registry (job data <see cref="RegistryKey"/>). Disallows concurrent execution so
/// one registry is never scanned twice at once, even across clustered replicas.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ScanJob : IJob
{
    /// <summary>The job data key holding the registry name.</summary>
    public const string RegistryKey = "registry";

    /// <summary>The job key of the scan of <paramref name="registry"/> (group <c>scanner</c>).</summary>
    public static JobKey KeyFor(string registry) => new($"scan-{registry}", "scanner");

    private readonly RegistryScanner scanner;
    private readonly ScanRegistries registries;
    private readonly ILogger<ScanJob> logger;

    public ScanJob(RegistryScanner scanner, ScanRegistries registries, ILogger<ScanJob> logger)
    {
        this.scanner = scanner;
        this.registries = registries;
        this.logger = logger;
    }

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

        var summary = await scanner.ScanAsync(registry, null, cancellationToken);
        if (summary.Status == ScanStatus.Failed)
        {
            throw new JobExecutionException($"Scan of registry '{name}' failed: {summary.Error}");
        }
    }
}
