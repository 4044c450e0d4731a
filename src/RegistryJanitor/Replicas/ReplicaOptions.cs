using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Replicas;

/// <summary>How replicas share a scan and the layer analysis after it (section <c>Replicas</c>).</summary>
public sealed class ReplicaOptions
{
    public const string SectionName = "Replicas";

    /// <summary>
    /// Repositories per work item of a scheduled scan. Default 20. 0 scans the whole registry on the replica whose
    /// trigger fired, as a single process does.
    /// </summary>
    [Range(0, 10_000)]
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// Layer digests per work item of a layer analysis shared by replicas, when <see cref="BatchSize"/> is above 0.
    /// Default 10. 0 analyses the whole registry on the replica whose analysis job fired, as a single process does.
    /// </summary>
    [Range(0, 10_000)]
    public int LayerBatchSize { get; set; } = 10;

    /// <summary>
    /// How long after a work item was released (shutdown) or failed it is offered again, to any replica.
    /// Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A shared run still open after this long no longer stops the next scheduled run of its registry from
    /// starting. Default 6 hours.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan StaleRunAfter { get; set; } = TimeSpan.FromHours(6);
}
