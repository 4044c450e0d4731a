using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Core.Costs;

/// <summary>
/// A configured pull assumption for repositories matching a pattern: an element of
/// <c>Pricing:PullAssumptions</c>. Used only where neither provider metrics nor registry events give counts.
/// </summary>
public sealed class PullAssumptionOptions
{
    /// <summary>Repository glob (<c>*</c> within a path segment, <c>**</c> across segments). Required.</summary>
    [Required]
    public string Pattern { get; set; } = string.Empty;

    /// <summary>Deployments per month of the newest image. Default 0.</summary>
    [Range(0.0, 1_000_000.0)]
    public decimal DeploysPerMonth { get; set; }

    /// <summary>Nodes pulling the image at each deployment (replicas on distinct nodes). Default 1.</summary>
    [Range(0, 1_000_000)]
    public int Replicas { get; set; } = 1;
}
