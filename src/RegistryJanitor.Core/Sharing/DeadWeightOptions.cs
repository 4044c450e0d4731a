namespace RegistryJanitor.Core.Sharing;

/// <summary>Thresholds for stale images.</summary>
public sealed class DeadWeightOptions
{
    /// <summary>A tagged image whose newest tag is older than this is stale. Default 180 days.</summary>
    public TimeSpan StaleAfterPush { get; set; } = TimeSpan.FromDays(180);

    /// <summary>A tagged image last pulled longer ago than this is stale (pulls known). Default 90 days.</summary>
    public TimeSpan StaleAfterPull { get; set; } = TimeSpan.FromDays(90);
}
