using System.ComponentModel.DataAnnotations;

namespace RegistryJanitor.Core.Costs;

/// <summary>A prefix allocation rule: repositories whose name starts with the prefix belong to the team.</summary>
public sealed class TeamPrefixRule
{
    /// <summary>Repository name prefix, compared ordinally (e.g. <c>payments/</c>). Required.</summary>
    [Required]
    public string Prefix { get; set; } = string.Empty;

    /// <summary>The team the matching repositories are allocated to. Required.</summary>
    [Required]
    public string Team { get; set; } = string.Empty;
}
