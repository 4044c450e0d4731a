using System.ComponentModel.DataAnnotations;
using RegistryJanitor.Core.Sharing;

namespace RegistryJanitor.Reports.Retention;

/// <summary>One retention policy to simulate (an item of <c>Retention:Policies</c>).</summary>
/// <remarks>
/// A tag is kept when any of its keep rules holds (among the newest, matching a pattern, young enough); a policy
/// without tag rules leaves tags alone. See <see cref="RetentionPolicy"/> for the exact semantics.
/// </remarks>
public sealed class RetentionPolicyOptions
{
    /// <summary>Short unique name shown in the sheet's Policy column. Required, no default.</summary>
    [Required]
    public string Name { get; set; } = string.Empty;

    /// <summary>Keep this many most recently pushed tags per repository. Default null (rule off). Unit: tags.</summary>
    [Range(0, int.MaxValue)]
    public int? KeepLastTags { get; set; }

    /// <summary>Tag globs that are always kept, e.g. <c>v*</c>, <c>latest</c>. Default empty.</summary>
    public List<string> KeepTagPatterns { get; set; } = [];

    /// <summary>Tags pushed longer ago than this expire. Default null (rule off). Format d.hh:mm:ss.</summary>
    public TimeSpan? ExpireTagsOlderThan { get; set; }

    /// <summary>Untagged manifests older than this are deleted. Default null (rule off). Format d.hh:mm:ss.</summary>
    public TimeSpan? ExpireUntaggedAfter { get; set; }

    /// <summary>True when at least one rule is set, i.e. the policy can delete something.</summary>
    public bool HasRule => KeepLastTags is not null || KeepTagPatterns.Count > 0 || ExpireTagsOlderThan is not null
        || ExpireUntaggedAfter is not null;

    /// <summary>The policy the simulator runs.</summary>
    public RetentionPolicy ToPolicy() =>
        new(Name, KeepLastTags, [.. KeepTagPatterns], ExpireTagsOlderThan, ExpireUntaggedAfter);
}
