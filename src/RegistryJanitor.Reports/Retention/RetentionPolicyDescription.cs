using System.Globalization;
using RegistryJanitor.Core.Sharing;

namespace RegistryJanitor.Reports.Retention;

/// <summary>Describes a retention policy in one sentence for the Retention sheet.</summary>
public static class RetentionPolicyDescription
{
    /// <summary>E.g. "Tags: keep the 10 newest per repository. Untagged manifests: delete after 30 days."</summary>
    public static string Describe(RetentionPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var keep = new List<string>();
        if (policy.KeepLastTags is { } last)
        {
            keep.Add(string.Create(CultureInfo.InvariantCulture, $"the {last} newest per repository"));
        }

        if (policy.KeepTagPatterns is { Count: > 0 } patterns)
        {
            keep.Add("tags matching " + string.Join(", ", patterns));
        }

        if (policy.ExpireTagsOlderThan is { } maxAge)
        {
            keep.Add("tags pushed in the last " + Days(maxAge));
        }

        var tags = keep.Count == 0 ? "Tags: all kept." : "Tags: keep " + string.Join("; ", keep) + ", delete the rest.";
        var untagged = policy.ExpireUntaggedAfter is { } untaggedAge
            ? "Untagged manifests: delete after " + Days(untaggedAge) + "."
            : "Untagged manifests: kept.";
        return tags + " " + untagged;
    }

    private static string Days(TimeSpan age) =>
        age.TotalDays == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0.##} days");
}
