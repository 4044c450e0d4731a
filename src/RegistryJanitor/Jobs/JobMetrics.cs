using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RegistryJanitor.Jobs;

/// <summary>Job counters and durations, exported on <c>/metrics</c>.</summary>
internal sealed class JobMetrics
{
    /// <summary>The meter name; every instrument of the scheduler lives under it.</summary>
    public const string MeterName = "RegistryJanitor.Jobs";

    private readonly Counter<long> _runs;
    private readonly Histogram<double> _duration;

    public JobMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _runs = meter.CreateCounter<long>(
            "registryjanitor.job.runs", unit: "{run}", description: "Job executions by job and outcome");
        _duration = meter.CreateHistogram<double>(
            "registryjanitor.job.duration", unit: "s", description: "Job execution time by job and outcome");
    }

    /// <summary>Counts one finished run of <paramref name="job"/>.</summary>
    public void RecordRun(string job, string outcome, TimeSpan elapsed)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        _runs.Add(1, tags);
        _duration.Record(elapsed.TotalSeconds, tags);
    }
}
